package io.earpiece.console.assist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Live-assist settings ({@code earpiece.assist.*}): the optional language model and the knowledge base.
 *
 * @param llm       the model that rewrites playbook cards (and, when asked, extracts extra tags); off by default
 * @param knowledge answer cards for customers' questions from the knowledge base stored in the database
 * @param backgroundWarmUp build the default playbook's engine (embed the training set unless cached, train the
 *                  intent models) on a thread of its own after start-up rather than before the server takes calls:
 *                  calls are answered and transcribed meanwhile, their cards start once it is ready, and
 *                  {@code /actuator/health} reads DEGRADED ({@code assist}) until then. false: start-up waits for it
 * @param modelCache folder where each playbook's trained intent models are kept between starts, named by a hash of
 *                  all that decides them (playbook intents, training set, encoder, feature code version), so a
 *                  restart with nothing changed reads them back instead of training; empty (default):
 *                  {@code <data-dir>/cache/intent-models}; {@code none}: train at every start
 */
@ConfigurationProperties("earpiece.assist")
public record AssistProperties(@DefaultValue Llm llm, @DefaultValue Knowledge knowledge,
                               @DefaultValue("true") boolean backgroundWarmUp,
                               @DefaultValue("") String modelCache) {

    /** The model cache's folder as configured, resolved against the data dir; null when turned off. */
    public Path modelCacheDir(Path dataDir) {
        String configured = modelCache.strip();
        if (configured.equalsIgnoreCase("none")) {
            return null;
        }
        return configured.isEmpty() ? dataDir.resolve("cache").resolve("intent-models")
                : Path.of(configured);
    }

    /**
     * Where and how to reach the model; with {@code provider=none} every card comes from the playbook.
     *
     * @param provider        {@code none}, {@code openai} (any OpenAI-compatible Chat Completions server) or
     *                        {@code ollama}
     * @param baseUrl         OpenAI-compatible: the API root including {@code /v1}; Ollama: the server root
     * @param model           model name sent with each request
     * @param apiKey          bearer token for OpenAI-compatible servers; never logged nor returned by the API
     * @param timeout         longest wait for one answer before the playbook card is shown instead
     * @param tokenBudget     tokens (prompt and completion) one call may spend; after that it stays offline
     * @param maxOutputTokens completion limit of each request
     * @param extract         also ask the model for tags and commitments of every final segment (one more request
     *                        per segment)
     * @param cacheSize       written cards kept for reuse (keyed by playbook version, card, trigger and words)
     */
    public record Llm(@DefaultValue("none") String provider,
                      @DefaultValue("") String baseUrl,
                      @DefaultValue("") String model,
                      @DefaultValue("") String apiKey,
                      @DefaultValue("2s") Duration timeout,
                      @DefaultValue("20000") int tokenBudget,
                      @DefaultValue("256") int maxOutputTokens,
                      @DefaultValue("false") boolean extract,
                      @DefaultValue("1000") int cacheSize) {

        /** Whether a model is configured at all. */
        public boolean enabled() {
            return !provider.isBlank() && !provider.strip().equalsIgnoreCase("none");
        }

        // The key must not reach logs through a settings dump.
        @Override
        public String toString() {
            return "Llm[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                    + (apiKey.isBlank() ? "" : "****") + ", timeout=" + timeout + ", tokenBudget=" + tokenBudget
                    + ", maxOutputTokens=" + maxOutputTokens + ", extract=" + extract + ", cacheSize=" + cacheSize + "]";
        }
    }

    /**
     * Knowledge-base answers.
     *
     * @param enabled     answer customers' questions with a card citing the best-matching document
     * @param seedExample on first start (no document ever stored) store the bundled example documents of a
     *                    fictional product, to try the feature; delete them or set this false for real use
     * @param cooldown    call time before the same document is shown again
     */
    public record Knowledge(@DefaultValue("true") boolean enabled,
                            @DefaultValue("true") boolean seedExample,
                            @DefaultValue("120s") Duration cooldown) {
    }
}
