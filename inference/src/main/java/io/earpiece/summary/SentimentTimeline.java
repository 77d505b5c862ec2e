package io.earpiece.summary;

import java.util.ArrayList;
import java.util.List;

/** Builds the customer's sentiment over a call from per-utterance scores. */
public final class SentimentTimeline {
    private static final double POSITIVE_ABOVE = 0.15;
    private static final double NEGATIVE_BELOW = -0.15;

    private final SentimentScorer scorer;

    public SentimentTimeline(SentimentScorer scorer) {
        this.scorer = scorer;
    }

    public Sentiment build(List<Utterance> transcript) {
        List<SentimentPoint> points = new ArrayList<>();
        for (int i = 0; i < transcript.size(); i++) {
            Utterance u = transcript.get(i);
            if (u.byCustomer()) {
                points.add(new SentimentPoint(i, u.startS(), scorer.score(u.text())));
            }
        }
        if (points.isEmpty()) {
            return new Sentiment(0, 0, 0, "neutral", points);
        }
        int third = Math.max(1, (int) Math.ceil(points.size() / 3.0));
        double overall = mean(points);
        double opening = mean(points.subList(0, third));
        double closing = mean(points.subList(points.size() - third, points.size()));
        String label = overall > POSITIVE_ABOVE ? "positive" : overall < NEGATIVE_BELOW ? "negative" : "neutral";
        return new Sentiment(overall, opening, closing, label, points);
    }

    private static double mean(List<SentimentPoint> points) {
        return points.stream().mapToDouble(SentimentPoint::score).average().orElse(0);
    }
}
