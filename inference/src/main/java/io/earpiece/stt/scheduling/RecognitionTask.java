package io.earpiece.stt.scheduling;

import java.util.Objects;

/**
 * One decode to schedule.
 *
 * @param callOrder lower is older; among jobs of the same priority the oldest call's run first
 * @param audioMs   length of the audio the job decodes, for the real-time factor
 * @param work      the decode and the delivery of its result
 * @param onDropped runs instead of {@code work} when a partial job is dropped or the scheduler closes
 * @param yieldUntilNanos for a {@link Priority#BACKGROUND} job, the {@link System#nanoTime()} until which it waits
 *                  for the live decodes to leave room; after it, it runs as soon as a worker is free of live work
 */
public record RecognitionTask(Priority priority, long callOrder, String callId, long audioMs, Runnable work,
                              Runnable onDropped, long yieldUntilNanos) {

    public RecognitionTask {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(work, "work");
        onDropped = onDropped == null ? () -> { } : onDropped;
    }

    /** A live job (nothing to yield to). */
    public RecognitionTask(Priority priority, long callOrder, String callId, long audioMs, Runnable work,
                           Runnable onDropped) {
        this(priority, callOrder, callId, audioMs, work, onDropped, Long.MIN_VALUE);
    }
}
