package io.earpiece.summary;

import java.util.Map;

/**
 * Weighted words and phrases; a phrase counts once per whole-word occurrence in a text, so "not working" and
 * "working" can carry different weights.
 */
final class Lexicon {
    private final Map<String, Double> weights;

    Lexicon(Map<String, Double> weights) {
        this.weights = Map.copyOf(weights);
    }

    /** Sum of the weights of every entry found in {@code paddedText} (see {@link Words#padded}). */
    double score(String paddedText) {
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            String needle = " " + e.getKey() + " ";
            int from = 0;
            int at;
            while ((at = paddedText.indexOf(needle, from)) >= 0) {
                sum += e.getValue();
                from = at + needle.length() - 1;
            }
        }
        return sum;
    }
}
