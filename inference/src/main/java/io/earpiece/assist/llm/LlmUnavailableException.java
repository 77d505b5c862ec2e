package io.earpiece.assist.llm;

/** Thrown by {@link LlmGateway} when the model's answer cannot be used; callers fall back to offline results. */
public class LlmUnavailableException extends Exception {
    private final FallbackReason reason;

    public LlmUnavailableException(FallbackReason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public LlmUnavailableException(FallbackReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public FallbackReason reason() {
        return reason;
    }
}
