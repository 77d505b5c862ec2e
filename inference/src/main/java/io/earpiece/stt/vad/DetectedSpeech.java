package io.earpiece.stt.vad;

/**
 * One utterance found by the {@link UtteranceSegmenter}.
 *
 * @param startMs        media time of the first voiced frame
 * @param endMs          media time where the utterance ends (last voiced frame plus the configured tail)
 * @param audioStartMs   media time of {@code samples[0]}, which is earlier than {@code startMs} by the pre-roll
 * @param samples        16 kHz mono PCM16 from {@code audioStartMs} up to {@code endMs}
 */
public record DetectedSpeech(long startMs, long endMs, long audioStartMs, short[] samples) {

    public long durationMs() {
        return endMs - startMs;
    }
}
