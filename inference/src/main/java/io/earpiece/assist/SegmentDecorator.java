package io.earpiece.assist;

import io.earpiece.assist.playbook.Playbook;
import java.util.List;

/**
 * An optional layer over the offline engine (LLM card text and extraction, knowledge answers) installed with
 * {@link AssistEngine#withDecorator}. It must never drop the offline events it is given: it may only add events
 * and add or rewrite cards, and it falls back to what it was given when its own source fails. Segment text reaches
 * decorators with personal data already masked.
 */
public interface SegmentDecorator {
    /** Per-call state (token budget, cool-downs); called once by {@link AssistEngine#startCall}. */
    CallDecorator startCall(Playbook playbook, String playbookVersion);

    /** The per-call half of a {@link SegmentDecorator}; one call, one caller. */
    interface CallDecorator {
        /** Events for the segment: the offline ones plus any this layer adds; runs before cards are planned. */
        default List<AssistEvent> events(FinalSegment segment, List<AssistEvent> offline) {
            return offline;
        }

        /** Cards for the segment: the planned ones, possibly rewritten, plus any this layer adds. */
        default List<Card> cards(FinalSegment segment, List<AssistEvent> events, List<Card> planned) {
            return planned;
        }
    }
}
