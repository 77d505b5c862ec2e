package io.earpiece.assist.llm;

/** Why the offline result was used instead of the model's. */
public enum FallbackReason {
    /** No answer within the configured timeout. */
    TIMEOUT,
    /** The server could not be reached or answered with an error. */
    UNAVAILABLE,
    /** The call's token budget could not cover the request. */
    OVER_BUDGET,
    /** The answer was not JSON of the requested shape. */
    MALFORMED
}
