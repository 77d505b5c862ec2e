package io.earpiece.sip.call;

/** Thrown by a {@link CallController} that will not take a leg; carries the SIP status to answer with. */
public class LegRejectedException extends Exception {
    private final int status;
    private final int retryAfterSeconds;

    public LegRejectedException(int status, String reason, int retryAfterSeconds) {
        super(reason);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public LegRejectedException(int status, String reason) {
        this(status, reason, 0);
    }

    public int status() {
        return status;
    }

    /** Seconds for a Retry-After header, or 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
