package io.earpiece.diarize;

/**
 * Per-frame features of a stretch of audio, one row every 10 ms.
 *
 * @param firstSample sample index (16 kHz) where frame 0 starts
 * @param vectors     feature vector of each frame
 * @param energyDb    level of each frame in dB relative to full scale
 */
record FeatureFrames(int firstSample, double[][] vectors, double[] energyDb) {

    int size() {
        return vectors.length;
    }

    /** Media time in milliseconds where frame {@code i} starts. */
    long startMs(int i) {
        return (firstSample + (long) i * MfccExtractor.HOP_SAMPLES) / 16;
    }
}
