package io.earpiece.stt.scheduling;

/** Receives recognition metrics as they happen, e.g. to bind them to a metrics registry; must be quick. */
public interface RecognitionMetricsListener {

    /** A decode finished (successfully or not). */
    default void onDecode(DecodeSample sample) {
    }

    /** A partial decode was dropped under load. */
    default void onPartialDropped(String callId) {
    }

    /** A final segment reached the listener {@code latencyNanos} after its end of speech was detected. */
    default void onFinalDelivered(String callId, String party, int index, long latencyNanos) {
    }

    /** Listens to nothing. */
    RecognitionMetricsListener NONE = new RecognitionMetricsListener() {
    };
}
