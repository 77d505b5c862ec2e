package io.earpiece.stt.scheduling;

/**
 * A snapshot of the scheduler's counters.
 *
 * @param queuedFinals        finals waiting now
 * @param queuedPartials      partials waiting now
 * @param maxQueuedPartials   the most partials that ever waited at once (bounded by the settings)
 * @param maxQueueDepth       the most jobs that ever waited at once
 * @param droppedPartials     partial and speculative decodes dropped under load since start
 * @param decodedFinals       final decodes run
 * @param decodedPartials     partial and speculative decodes run
 * @param lastRealTimeFactor  decode time over audio time of the latest decode (NaN before the first)
 * @param lastDecodeMs        duration of the latest decode (NaN before the first)
 */
public record SchedulerStats(int queuedFinals, int queuedPartials, int maxQueuedPartials, int maxQueueDepth,
                             long droppedPartials, long decodedFinals, long decodedPartials,
                             double lastRealTimeFactor, double lastDecodeMs) {

    /** Jobs waiting now. */
    public int queueDepth() {
        return queuedFinals + queuedPartials;
    }
}
