package io.earpiece.stt;

/** One detected stretch of speech handed to a recognizer: 16 kHz mono samples in [-1, 1]. */
public record Utterance(String callId, String party, int index, long startMs, long endMs, float[] samples) {
}
