package io.earpiece.console.summary;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/**
 * After-call summary settings ({@code earpiece.summary.*}).
 *
 * @param zone the team's time zone: a call's date, against which "friday" or "tomorrow" resolve, is taken there
 * @param llm  the optional language model that writes the summary (the offline summarizer is its fallback)
 */
@ConfigurationProperties("earpiece.summary")
public record SummaryProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue Llm llm) {

    /**
     * The summary model ({@code earpiece.summary.llm.*}); off unless {@code provider} is openai or ollama. The API
     * key may be a SecretBox-sealed string ({@code sb1.…}); no {@code toString} here shows it.
     *
     * @param provider        none (default), openai (any OpenAI-compatible Chat Completions server) or ollama
     * @param baseUrl         OpenAI-compatible: the API root including {@code /v1}; Ollama: the server root
     * @param model           model name sent with each request
     * @param apiKey          bearer token (OpenAI-compatible)
     * @param timeout         longest wait for one summary before the offline one is stored
     * @param maxOutputTokens completion limit of one summary
     * @param tokenBudget     most tokens (prompt and completion) one call's summary may spend; a longer transcript
     *                        gets the offline summary
     */
    public record Llm(@DefaultValue("none") String provider, @DefaultValue("") String baseUrl,
                      @DefaultValue("") String model, @DefaultValue("") String apiKey,
                      @DefaultValue("30s") Duration timeout, @DefaultValue("1500") int maxOutputTokens,
                      @DefaultValue("32000") int tokenBudget) {

        public Llm {
            provider = provider.strip().toLowerCase(Locale.ROOT);
            if (!provider.equals("none") && !provider.equals("openai") && !provider.equals("ollama")) {
                throw new IllegalArgumentException("earpiece.summary.llm.provider must be none, openai or ollama");
            }
        }

        /** Whether a model writes the summaries. */
        public boolean enabled() {
            return !provider.equals("none");
        }

        @Override
        public String toString() {
            return "Llm[" + provider + ", " + baseUrl + ", " + model + ", key " + (apiKey.isBlank() ? "unset" : "set")
                    + ", timeout " + timeout + "]";
        }
    }
}
