package io.earpiece.stt.vad;

/**
 * Tuning of the energy-based utterance segmenter.
 *
 * @param thresholdDbfs  a 20 ms frame whose RMS level reaches this (dB relative to full scale) counts as voiced
 * @param minSpeechMs    voiced audio needed in a row before an utterance starts, so clicks do not open one
 * @param hangoverMs     silence after the last voiced frame that ends an utterance; longer than the pauses a
 *                       speaker makes between sentences, shorter than the other party's turn
 * @param preRollMs      audio before the first voiced frame that is handed to the recognizer with the utterance
 * @param tailMs         audio after the last voiced frame that belongs to the utterance: a phrase decays below
 *                       the threshold before it really ends
 * @param maxUtteranceMs longest utterance; longer speech is cut so recognition latency stays bounded
 */
public record VadSettings(double thresholdDbfs, int minSpeechMs, int hangoverMs, int preRollMs, int tailMs,
                          int maxUtteranceMs) {

    public VadSettings {
        if (thresholdDbfs >= 0 || Double.isNaN(thresholdDbfs)) {
            throw new IllegalArgumentException("thresholdDbfs must be below 0 dBFS: " + thresholdDbfs);
        }
        if (minSpeechMs < 0 || hangoverMs <= 0 || preRollMs < 0 || tailMs < 0) {
            throw new IllegalArgumentException("durations must not be negative (hangover > 0): " + this);
        }
        if (tailMs > hangoverMs) {
            throw new IllegalArgumentException("tailMs must not exceed hangoverMs: " + this);
        }
        if (maxUtteranceMs <= minSpeechMs) {
            throw new IllegalArgumentException("maxUtteranceMs must exceed minSpeechMs: " + this);
        }
    }

    /** Settings tuned on the dev corpus (16 kHz linear and 8 kHz mu-law telephone audio). */
    public static VadSettings defaults() {
        return new VadSettings(-45.0, 60, 800, 200, 300, 20_000);
    }
}
