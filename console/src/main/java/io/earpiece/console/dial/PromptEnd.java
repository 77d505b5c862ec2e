package io.earpiece.console.dial;

import java.time.Duration;

/**
 * Tells when a bridge's spoken prompt ("please enter your meeting ID followed by pound") is over, from the
 * energy of its audio rather than a fixed sleep: once speech was heard, the prompt ends at the first
 * {@code silence} without a loud frame. With no prompt at all, or one that never pauses, it gives up at
 * {@code maxWait} after the answer. Times are the caller's monotonic nanoseconds, so it is testable without a clock.
 */
final class PromptEnd {

    private final double threshold;
    private final long silenceNanos;
    private final long deadlineNanos;
    private boolean heard;
    private long lastLoudNanos;

    /**
     * @param speechLevelDbfs a 20 ms frame louder than this (RMS, dBFS) is speech
     * @param startNanos      when the far end answered
     */
    PromptEnd(double speechLevelDbfs, Duration silence, Duration maxWait, long startNanos) {
        this.threshold = 32768 * Math.pow(10, speechLevelDbfs / 20);
        this.silenceNanos = silence.toNanos();
        this.deadlineNanos = startNanos + maxWait.toNanos();
    }

    /** A frame of the far end's audio arrived at {@code nowNanos}. */
    synchronized void frame(short[] samples, long nowNanos) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        double rms = samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
        if (rms > threshold) {
            heard = true;
            lastLoudNanos = nowNanos;
        }
    }

    /** Null while the prompt may still be going on; else why it is over ("prompt ended", "waited ..."). */
    synchronized String over(long nowNanos) {
        if (heard && nowNanos - lastLoudNanos >= silenceNanos) {
            return "prompt ended";
        }
        if (nowNanos >= deadlineNanos) {
            return heard ? "prompt still going at the longest wait" : "no prompt heard";
        }
        return null;
    }
}
