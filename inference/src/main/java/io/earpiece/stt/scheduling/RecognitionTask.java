package io.earpiece.stt.scheduling;

import java.util.Objects;

/**
 * One decode to schedule.
 *
 * @param callOrder lower is older; among jobs of the same priority the oldest call's run first
 * @param audioMs   length of the audio the job decodes, for the real-time factor
 * @param work      the decode and the delivery of its result
 * @param onDropped runs instead of {@code work} when a partial job is dropped or the scheduler closes
 */
public record RecognitionTask(Priority priority, long callOrder, String callId, long audioMs, Runnable work,
                              Runnable onDropped) {

    public RecognitionTask {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(work, "work");
        onDropped = onDropped == null ? () -> { } : onDropped;
    }
}
