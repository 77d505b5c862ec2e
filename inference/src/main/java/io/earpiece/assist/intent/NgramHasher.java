package io.earpiece.assist.intent;

import java.util.Map;
import java.util.TreeMap;

/**
 * Hashes an utterance (already in {@link SpokenText} form) into word unigrams, word bigrams and character
 * trigrams within words. Sentence embeddings blur short decisive words ("not", "yet", "already", "who") and rare
 * domain words; n-grams keep them, and character trigrams survive the word splits and inflections a speech
 * recogniser produces. The vector is L2-normalised and scaled by {@code weight}, which sets how much the n-grams
 * count next to the standardised embedding under the same penalty.
 */
public final class NgramHasher {
    private final int buckets;
    private final float weight;

    /**
     * @param buckets number of hash buckets (a power of two); collisions only cost a little accuracy
     * @param weight  length of the n-gram vector
     */
    public NgramHasher(int buckets, float weight) {
        if (Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two: " + buckets);
        }
        this.buckets = buckets;
        this.weight = weight;
    }

    public int buckets() {
        return buckets;
    }

    /** The settings that shape the features, for the key of a cache of models trained on them. */
    public String settings() {
        return "buckets=" + buckets + " weight=" + weight;
    }

    /** The hashed n-grams of {@code spoken}; empty when the weight is zero. */
    public FeatureVector features(float[] dense, String spoken) {
        if (weight == 0 || spoken.isBlank()) {
            return new FeatureVector(dense, new int[0], new float[0]);
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        String[] words = spoken.split(" ");
        for (int i = 0; i < words.length; i++) {
            add(counts, "w:" + words[i]);
            if (i + 1 < words.length) {
                add(counts, "b:" + words[i] + " " + words[i + 1]);
            }
            String padded = "<" + words[i] + ">";
            for (int j = 0; j + 3 <= padded.length(); j++) {
                add(counts, "c:" + padded.substring(j, j + 3));
            }
        }
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        double norm = 0;
        int k = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            indices[k] = e.getKey();
            values[k] = e.getValue();
            norm += (double) e.getValue() * e.getValue();
            k++;
        }
        float scale = (float) (weight / Math.sqrt(norm));
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return new FeatureVector(dense, indices, values);
    }

    private void add(Map<Integer, Integer> counts, String gram) {
        // String.hashCode is fixed by the Java spec, so models trained in one JVM score alike in another.
        int h = gram.hashCode() * 0x9E3779B1;
        counts.merge((h ^ (h >>> 15)) & (buckets - 1), 1, Integer::sum);
    }

    @Override
    public String toString() {
        return "NgramHasher[" + buckets + ", " + weight + "]";
    }
}
