package io.earpiece.assist.llm;

/**
 * What an LLM step produced and where it came from; on {@link Origin#OFFLINE} {@code fallback} says why.
 */
public record LlmResult<T>(T value, Origin origin, FallbackReason fallback) {
    /** Where a value came from. */
    public enum Origin { LLM, CACHE, OFFLINE }

    static <T> LlmResult<T> llm(T value) {
        return new LlmResult<>(value, Origin.LLM, null);
    }

    static <T> LlmResult<T> cached(T value) {
        return new LlmResult<>(value, Origin.CACHE, null);
    }

    static <T> LlmResult<T> offline(T value, FallbackReason reason) {
        return new LlmResult<>(value, Origin.OFFLINE, reason);
    }
}
