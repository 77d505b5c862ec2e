package io.earpiece.summary;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lexicon sentiment of one utterance in [-1, 1]: polar words summed, flipped after a negation within three
 * words ("not happy"), boosted after an intensifier ("really helpful"), squashed with tanh so one long rant and
 * one sharp complaint land in the same range.
 */
public final class SentimentScorer {
    private static final Map<String, Double> POLARITY = Map.ofEntries(
            Map.entry("great", 1.0), Map.entry("good", 0.7), Map.entry("perfect", 1.0), Map.entry("happy", 0.8),
            Map.entry("excited", 1.0), Map.entry("thanks", 0.4), Map.entry("thank", 0.4),
            Map.entry("helpful", 0.8), Map.entry("impressive", 0.8), Map.entry("impressed", 0.8),
            Map.entry("interesting", 0.6), Map.entry("love", 1.0), Map.entry("like", 0.3),
            Map.entry("fantastic", 1.0), Map.entry("excellent", 1.0), Map.entry("works", 0.5),
            Map.entry("fine", 0.3), Map.entry("glad", 0.8), Map.entry("appreciate", 0.8),
            Map.entry("awesome", 1.0), Map.entry("pleased", 0.8), Map.entry("easy", 0.5), Map.entry("nice", 0.6),
            Map.entry("okay", 0.2), Map.entry("sure", 0.3), Map.entry("yes", 0.2), Map.entry("absolutely", 0.5),
            Map.entry("problem", -0.7), Map.entry("problems", -0.7), Map.entry("issue", -0.5),
            Map.entry("failing", -1.0), Map.entry("failed", -0.8), Map.entry("frustrated", -1.0),
            Map.entry("frustrating", -1.0), Map.entry("expensive", -0.8), Map.entry("higher", -0.3),
            Map.entry("worse", -0.8), Map.entry("weaker", -0.6), Map.entry("broken", -1.0),
            Map.entry("error", -0.7), Map.entry("outage", -1.0), Map.entry("outages", -1.0),
            Map.entry("declined", -0.6), Map.entry("twice", -0.2), Map.entry("unhappy", -1.0),
            Map.entry("angry", -1.0), Map.entry("disappointed", -1.0), Map.entry("annoyed", -1.0),
            Map.entry("cancel", -0.8), Map.entry("concern", -0.5), Map.entry("concerned", -0.6),
            Map.entry("worried", -0.7), Map.entry("difficult", -0.5), Map.entry("bad", -0.7),
            Map.entry("slow", -0.5), Map.entry("expired", -0.5), Map.entry("late", -0.3),
            Map.entry("terrible", -1.0), Map.entry("awful", -1.0), Map.entry("hate", -1.0),
            Map.entry("elsewhere", -0.6), Map.entry("unfortunately", -0.5), Map.entry("honestly", -0.2),
            Map.entry("catch", -0.3), Map.entry("waste", -0.8), Map.entry("useless", -1.0));
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "don't", "doesn't", "didn't", "isn't",
            "wasn't", "aren't", "won't", "can't", "cannot", "nothing", "without");
    private static final Set<String> INTENSIFIERS = Set.of("very", "really", "extremely", "so", "super", "totally",
            "incredibly", "quite");
    private static final int NEGATION_REACH = 3;

    public double score(String text) {
        List<String> words = Words.of(text);
        double sum = 0;
        int lastNegation = -NEGATION_REACH - 1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (NEGATIONS.contains(w)) {
                lastNegation = i;
                continue;
            }
            Double p = POLARITY.get(w);
            if (p == null) {
                continue;
            }
            double value = p;
            if (i > 0 && INTENSIFIERS.contains(words.get(i - 1))) {
                value *= 1.5;
            }
            if (i - lastNegation <= NEGATION_REACH) {
                // "not bad" is mildly positive, "not good" clearly negative: flip and damp.
                value = -value * 0.7;
            }
            sum += value;
        }
        return Math.tanh(sum);
    }
}
