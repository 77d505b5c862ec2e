package io.earpiece.console.assist;

import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.CallAnalysis;
import io.earpiece.assist.SegmentOutcome;
import io.earpiece.stt.TranscriptSegment;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the assist engine over each live call's final segments, in arrival order across parties, and masks
 * personal data in every segment text before anything stores or pushes it.
 */
@Component
public class LiveAssist {

    private final AssistEngine engine;
    private final Map<String, CallState> calls = new ConcurrentHashMap<>();

    public LiveAssist(AssistEngine engine) {
        this.engine = engine;
    }

    /** What one segment became: its masked text and, for a final, the assist outcome and utterance number. */
    public record Assisted(String maskedText, int utterance, SegmentOutcome outcome) {
    }

    public Assisted onSegment(TranscriptSegment segment) {
        CallState state = calls.computeIfAbsent(segment.callId(),
                id -> new CallState(engine.startCall(LocalDate.now(ZoneOffset.UTC))));
        synchronized (state) {
            String masked = state.analysis.masked(segment.text());
            if (!segment.isFinal() || segment.text().isBlank()) {
                return new Assisted(masked, -1, new SegmentOutcome(List.of(), List.of()));
            }
            int utterance = state.next++;
            SegmentOutcome outcome = state.analysis.onFinalSegment(utterance, segment.party(),
                    segment.startMs() / 1000.0, segment.endMs() / 1000.0, segment.text());
            return new Assisted(masked, utterance, outcome);
        }
    }

    public void callEnded(String callId) {
        calls.remove(callId);
    }

    private static final class CallState {
        final CallAnalysis analysis;
        int next;

        CallState(CallAnalysis analysis) {
            this.analysis = analysis;
        }
    }
}
