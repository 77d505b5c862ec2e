package io.earpiece.console.summary;

import io.earpiece.assist.AssistEvent;
import io.earpiece.db.assist.InsightEntity;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.summary.Utterance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored call rebuilt as the summarizer's input: utterances ordered by start time and the stored insights as
 * assist events pointing into that order.
 *
 * <p>Live, the assist engine numbered utterances in arrival order (non-blank finals, across parties), which is
 * the segments' insertion order; sorting by start time can move them, so event indices are translated.
 */
public record StoredTranscript(List<Utterance> utterances, List<AssistEvent> events) {

    public static StoredTranscript of(List<TranscriptSegmentEntity> segments, List<InsightEntity> insights) {
        return of(segments, insights, java.util.function.UnaryOperator.identity());
    }

    /** The same, each segment's party as {@code partyOf} names it (a recording's "Speaker 1" as "rep"). */
    public static StoredTranscript of(List<TranscriptSegmentEntity> segments, List<InsightEntity> insights,
                                      java.util.function.UnaryOperator<String> partyOf) {
        List<TranscriptSegmentEntity> arrival = segments.stream().filter(s -> !s.getText().isBlank())
                .sorted(Comparator.comparing(TranscriptSegmentEntity::getId)).toList();
        List<TranscriptSegmentEntity> timed = arrival.stream()
                .sorted(Comparator.comparingLong(TranscriptSegmentEntity::getStartMs)
                        .thenComparing(TranscriptSegmentEntity::getId)).toList();
        Map<Long, Integer> position = new HashMap<>();
        List<Utterance> utterances = new ArrayList<>();
        for (TranscriptSegmentEntity s : timed) {
            position.put(s.getId(), utterances.size());
            utterances.add(new Utterance(partyOf.apply(s.getParty()), s.getStartMs() / 1000.0, s.getEndMs() / 1000.0, s.getText()));
        }
        List<AssistEvent> events = new ArrayList<>();
        for (InsightEntity i : insights) {
            if (i.getUtterance() < 0 || i.getUtterance() >= arrival.size()) {
                continue;
            }
            int at = position.get(arrival.get(i.getUtterance()).getId());
            events.add(new AssistEvent(at, i.getTag(), details(i.getDetails())));
        }
        events.sort(Comparator.comparingInt(AssistEvent::utterance));
        return new StoredTranscript(utterances, events);
    }

    /** Parses the stored "k=v; k=v" form (values may contain '=' but not "; "). */
    static Map<String, String> details(String stored) {
        Map<String, String> out = new LinkedHashMap<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        for (String pair : stored.split("; ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return out;
    }
}
