package io.earpiece.media.leg;

/**
 * Tells when a leg has gone without accepted RTP for the timeout, counted from the last packet or from the
 * start. It fires once per silence: another packet re-arms it.
 */
public final class MediaTimeoutWatch {

    private final long timeoutNanos;
    private long lastActivityNanos;
    private boolean fired;

    public MediaTimeoutWatch(long timeoutNanos, long startNanos) {
        this.timeoutNanos = timeoutNanos;
        this.lastActivityNanos = startNanos;
    }

    public void onPacket(long nowNanos) {
        lastActivityNanos = nowNanos;
        fired = false;
    }

    /** True exactly once when the timeout has elapsed since the last activity. */
    public boolean expired(long nowNanos) {
        if (fired || timeoutNanos <= 0 || nowNanos - lastActivityNanos < timeoutNanos) {
            return false;
        }
        fired = true;
        return true;
    }
}
