package io.earpiece.assist.llm;

import java.time.Duration;
import java.util.Locale;

/**
 * Where and how to reach the language model.
 *
 * @param provider {@link Provider#OPENAI} (any OpenAI-compatible Chat Completions server) or {@link Provider#OLLAMA}
 * @param baseUrl for OpenAI-compatible servers the API root including {@code /v1} (requests go to
 *                {@code baseUrl + "/chat/completions"}); for Ollama the server root ({@code /api/chat} is added)
 * @param model model name sent with each request
 * @param apiKey bearer token (OpenAI-compatible); may be blank for Ollama
 * @param timeout longest wait for one answer before the offline result is used
 * @param perCallTokenBudget tokens (prompt + completion) one phone call may spend; then it stays offline
 * @param maxOutputTokens completion limit sent with each request
 */
public record LlmSettings(Provider provider, String baseUrl, String model, String apiKey, Duration timeout,
                          int perCallTokenBudget, int maxOutputTokens) {
    /** Completion limit when none is given: enough for a card or a handful of extracted events. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 256;

    /** Which wire protocol the model server speaks. */
    public enum Provider {
        OPENAI, OLLAMA;

        /** "openai" or "ollama", any case. */
        public static Provider parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("LLM provider must be openai or ollama, not " + name);
            }
        }
    }

    public LlmSettings {
        if (provider == null || baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("LLM settings need a provider, a base URL and a model");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("LLM timeout must be positive");
        }
        if (perCallTokenBudget < 0 || maxOutputTokens <= 0) {
            throw new IllegalArgumentException("token budget must be >= 0 and max output tokens > 0");
        }
        if (provider == Provider.OPENAI && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("an OpenAI-compatible server needs an API key");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Settings with the default completion limit; {@code provider} is "openai" or "ollama". */
    public static LlmSettings of(String provider, String baseUrl, String model, String apiKey, Duration timeout,
                                 int perCallTokenBudget) {
        return new LlmSettings(Provider.parse(provider), baseUrl, model, apiKey, timeout, perCallTokenBudget,
                DEFAULT_MAX_OUTPUT_TOKENS);
    }
}
