package io.earpiece.console.assist;

import io.earpiece.assist.CallAnalysis;
import io.earpiece.assist.Card;
import io.earpiece.assist.SegmentOutcome;
import io.earpiece.assist.knowledge.KnowledgeAssist;
import io.earpiece.stt.TranscriptSegment;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the assist engine over each live call's final segments, in arrival order across parties, and masks
 * personal data in every segment text before anything stores or pushes it. A call is coached with the playbook
 * of its rep's team as it stood when the call's first segment arrived; an edit applies to calls that start later.
 */
@Component
public class LiveAssist {

    // The call_cards.body column.
    private static final int STORED_BODY_CHARS = 2000;

    private final AssistEngines engines;
    private final CallTeams teams;
    private final Map<String, CallState> calls = new ConcurrentHashMap<>();

    public LiveAssist(AssistEngines engines, CallTeams teams) {
        this.engines = engines;
        this.teams = teams;
    }

    /** What one segment became: its masked text and, for a final, the assist outcome and utterance number. */
    public record Assisted(String maskedText, int utterance, SegmentOutcome outcome) {
    }

    public Assisted onSegment(TranscriptSegment segment) {
        CallState state = stateOf(segment.callId());
        synchronized (state) {
            String masked = state.analysis.masked(segment.text());
            if (!segment.isFinal() || segment.text().isBlank()) {
                return new Assisted(masked, -1, new SegmentOutcome(List.of(), List.of()));
            }
            int utterance = state.next++;
            SegmentOutcome outcome = state.analysis.onFinalSegment(utterance, segment.party(),
                    segment.startMs() / 1000.0, segment.endMs() / 1000.0, segment.text());
            return new Assisted(masked, utterance, withCitations(outcome));
        }
    }

    public void callEnded(String callId) {
        calls.remove(callId);
    }

    private CallState stateOf(String callId) {
        CallState state = calls.get(callId);
        if (state != null) {
            return state;
        }
        // Looked up outside the map's lock: it reads the database and may build an engine.
        String team = teams.teamOfCall(callId).orElse(null);
        CallState fresh = new CallState(engines.engineFor(team).startCall(LocalDate.now(ZoneOffset.UTC)));
        CallState raced = calls.putIfAbsent(callId, fresh);
        return raced == null ? fresh : raced;
    }

    // Stored and pushed cards have no source field: a knowledge answer carries its citation in the body.
    private static SegmentOutcome withCitations(SegmentOutcome outcome) {
        if (outcome.cards().stream().noneMatch(LiveAssist::isKnowledge)) {
            return outcome;
        }
        List<Card> cards = outcome.cards().stream()
                .map(c -> isKnowledge(c) ? c.rewritten(c.title(), cited(c.body(), c.source()), c.source()) : c)
                .toList();
        return new SegmentOutcome(outcome.events(), cards);
    }

    private static String cited(String passage, String source) {
        String citation = "\nSource: " + source;
        int room = Math.max(0, STORED_BODY_CHARS - citation.length());
        String body = passage.length() <= room ? passage : passage.substring(0, Math.max(0, room - 1)) + "…";
        return body + citation;
    }

    private static boolean isKnowledge(Card card) {
        return card.id().startsWith(KnowledgeAssist.CARD_PREFIX) && card.source() != null;
    }

    private static final class CallState {
        final CallAnalysis analysis;
        int next;

        CallState(CallAnalysis analysis) {
            this.analysis = analysis;
        }
    }
}
