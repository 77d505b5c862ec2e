package io.earpiece.assist;

import java.util.List;

/** What one final segment produced: its events and the cards it raised. */
public record SegmentOutcome(List<AssistEvent> events, List<Card> cards) {
    public SegmentOutcome {
        events = List.copyOf(events);
        cards = List.copyOf(cards);
    }
}
