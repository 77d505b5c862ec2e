package io.earpiece.summary;

import java.util.List;

/**
 * The customer's sentiment over the call: the mean, the first and last thirds (to see a call that ends better or
 * worse than it started), a label and the per-utterance time line.
 */
public record Sentiment(double overall, double opening, double closing, String label, List<SentimentPoint> timeline) {
    public Sentiment {
        timeline = List.copyOf(timeline);
    }

    /** Closing minus opening: positive when the customer warmed up. */
    public double trend() {
        return closing - opening;
    }
}
