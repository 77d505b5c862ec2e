package io.earpiece.console.assist;

import io.earpiece.assist.CallAnalysis;
import io.earpiece.assist.Card;
import io.earpiece.assist.SegmentOutcome;
import io.earpiece.assist.knowledge.KnowledgeAssist;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.stt.TranscriptSegment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs the assist engine over each live call's final segments, in arrival order across parties, and masks
 * personal data in every segment text before anything stores or pushes it. A partial's committed words (which later
 * decodes cannot change) are previewed for playbook cards, so a card can go up while the customer is still talking;
 * the segment's final then confirms or withdraws each. A call is coached with the playbook
 * of its rep's team as it stood when the call's first segment arrived; an edit applies to calls that start later.
 */
@Component
public class LiveAssist {

    // The call_cards.body column.
    private static final int STORED_BODY_CHARS = 2000;

    private final Function<String, CallAnalysis> startCall;
    private final BooleanSupplier ready;
    private final Map<String, CallState> calls = new ConcurrentHashMap<>();
    // masks the text of segments that arrive before the engine is ready, as the engine's analysis would
    private final PiiDetector pii = new PiiDetector();

    @Autowired
    public LiveAssist(AssistEngines engines, CallTeams teams, AssistWarmUp warmUp) {
        // the team's playbook as it stands when the call's first segment arrives
        this(callId -> engines.engineFor(teams.teamOfCall(callId).orElse(null))
                .startCall(LocalDate.now(ZoneOffset.UTC)), warmUp::ready);
    }

    /** An engine that is ready from the start. */
    LiveAssist(Function<String, CallAnalysis> startCall) {
        this(startCall, () -> true);
    }

    /**
     * @param startCall the assist state a new call starts with, by call id
     * @param ready     whether the engine is built: until then segments are only masked (no cards), rather than
     *                  holding the segment writer while the start-up warm-up trains
     */
    LiveAssist(Function<String, CallAnalysis> startCall, BooleanSupplier ready) {
        this.startCall = startCall;
        this.ready = ready;
    }

    /**
     * Committed words a partial needs before its cards are previewed: fewer say too little to tell an objection
     * from small talk, and a card that goes up only to be withdrawn costs the rep attention.
     */
    static final int MIN_PREVIEW_WORDS = 4;

    /**
     * What one segment became: its masked text; for a final, the assist outcome and utterance number, which
     * provisional cards of the segment its cards confirm (card id to provisional key) and which it withdraws; for a
     * partial, the provisional cards its committed words raised that were not up yet.
     */
    public record Assisted(String maskedText, int utterance, SegmentOutcome outcome, List<ProvisionalCard> provisional,
                           Map<String, String> confirmed, List<String> withdrawn) {

        static Assisted textOnly(String maskedText) {
            return new Assisted(maskedText, -1, new SegmentOutcome(List.of(), List.of()), List.of(), Map.of(),
                    List.of());
        }
    }

    /** A card raised on the committed words of a segment still being spoken; {@code key} names it until its final. */
    public record ProvisionalCard(String key, Card card) {
    }

    public Assisted onSegment(TranscriptSegment segment) {
        if (!ready.getAsBoolean() && !calls.containsKey(segment.callId())) {
            return Assisted.textOnly(pii.mask(segment.text())); // cards start once the warm-up is done
        }
        CallState state = stateOf(segment.callId());
        synchronized (state) {
            String masked = state.analysis.masked(segment.text());
            String segmentKey = segment.party() + "/" + segment.index();
            if (!segment.isFinal()) {
                return preview(state, segment, segmentKey, masked);
            }
            state.previewed.remove(segmentKey);
            Map<String, String> shown = state.provisional.remove(segmentKey);
            shown = shown == null ? Map.of() : shown;
            if (segment.text().isBlank()) {
                return new Assisted(masked, -1, new SegmentOutcome(List.of(), List.of()), List.of(), Map.of(),
                        List.copyOf(shown.values()));
            }
            int utterance = state.next++;
            SegmentOutcome outcome = state.analysis.onFinalSegment(utterance, segment.party(),
                    segment.startMs() / 1000.0, segment.endMs() / 1000.0, segment.text());
            Map<String, String> confirmed = new LinkedHashMap<>();
            List<String> withdrawn = new ArrayList<>();
            for (Map.Entry<String, String> e : shown.entrySet()) {
                if (outcome.cards().stream().anyMatch(c -> c.id().equals(e.getKey()))) {
                    confirmed.put(e.getKey(), e.getValue());
                } else {
                    withdrawn.add(e.getValue());
                }
            }
            return new Assisted(masked, utterance, withCitations(outcome), List.of(), confirmed, withdrawn);
        }
    }

    private Assisted preview(CallState state, TranscriptSegment segment, String segmentKey, String masked) {
        if (segment.committedWords() < MIN_PREVIEW_WORDS) {
            return Assisted.textOnly(masked);
        }
        String committed = segment.committedText();
        // most partials only grow their uncommitted tail: the same committed words need no second classification
        if (committed.equals(state.previewed.put(segmentKey, committed))) {
            return Assisted.textOnly(masked);
        }
        Map<String, String> shown = state.provisional.computeIfAbsent(segmentKey, k -> new LinkedHashMap<>());
        List<ProvisionalCard> raised = new ArrayList<>();
        // the utterance number the final will get, if no other final comes first
        for (Card card : state.analysis.preview(state.next, segment.party(), committed, segment.endMs() / 1000.0)) {
            if (!shown.containsKey(card.id())) {
                String key = segmentKey + "/" + card.id();
                shown.put(card.id(), key);
                raised.add(new ProvisionalCard(key, card));
            }
        }
        return new Assisted(masked, -1, new SegmentOutcome(List.of(), List.of()), List.copyOf(raised), Map.of(),
                List.of());
    }

    public void callEnded(String callId) {
        calls.remove(callId);
    }

    private CallState stateOf(String callId) {
        CallState state = calls.get(callId);
        if (state != null) {
            return state;
        }
        // Started outside the map's lock: it reads the database and may build an engine.
        CallState fresh = new CallState(startCall.apply(callId));
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
        /** Per segment ("party/index") still being spoken: card id to the key of its provisional card. */
        final Map<String, Map<String, String>> provisional = new HashMap<>();
        /** Per segment still being spoken: the committed words last previewed. */
        final Map<String, String> previewed = new HashMap<>();

        CallState(CallAnalysis analysis) {
            this.analysis = analysis;
        }
    }
}
