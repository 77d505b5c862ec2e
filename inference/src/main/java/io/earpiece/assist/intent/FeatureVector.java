package io.earpiece.assist.intent;

/**
 * What the intent models read for one utterance: its sentence embedding (dense) and its hashed word and
 * character n-grams (sparse: bucket indices, ascending and distinct, with their values).
 */
public record FeatureVector(float[] dense, int[] indices, float[] values) {
    public FeatureVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs "
                    + values.length);
        }
    }
}
