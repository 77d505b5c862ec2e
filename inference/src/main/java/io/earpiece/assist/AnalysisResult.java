package io.earpiece.assist;

import java.util.List;

/** Everything the engine found in a whole transcript: tagged events and the cards that would have been shown. */
public record AnalysisResult(List<AssistEvent> events, List<Card> cards) {
    public AnalysisResult {
        events = List.copyOf(events);
        cards = List.copyOf(cards);
    }
}
