package io.earpiece.assist.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.CallAnalysis;
import io.earpiece.assist.Card;
import io.earpiece.assist.playbook.PlaybookLoader;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Pace and talk-ratio nudges through the engine with the default playbook's thresholds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoachingNudgeTest {
    private static final String FAST = "so the routing engine picks the next free agent and then it hands over "
            + "the context and the notes and the history in one go so nobody has to ask twice";
    private AssistEngine engine;

    @BeforeAll
    void load() {
        engine = new AssistEngine(new PlaybookLoader().loadDefault());
    }

    @Test
    void fastRepRaisesThePaceNudgeOnceItHasEnoughSpeech() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onFinalSegment(0, "rep", 0, 3, "This call is recorded for training purposes.");
        int words = FAST.split(" ").length;
        // words in 5 s: well above 190 words per minute.
        double t = 4;
        boolean nudged = false;
        for (int i = 1; i <= 5 && !nudged; i++) {
            nudged = call.onFinalSegment(i, "rep", t, t + 5, FAST).cards().stream()
                    .anyMatch(c -> c.id().equals("coaching-pace"));
            t += 6;
        }
        assertThat(words * 60.0 / 5).isGreaterThan(190);
        assertThat(nudged).isTrue();
        assertThat(call.coaching().recentRepWpm()).isGreaterThan(190);
    }

    @Test
    void normalPaceRaisesNoPaceNudge() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onFinalSegment(0, "rep", 0, 3, "This call is recorded for training purposes.");
        double t = 4;
        for (int i = 1; i <= 6; i++) {
            call.onFinalSegment(i, "rep", t, t + 12, FAST);
            call.onFinalSegment(100 + i, "customer", t + 12.5, t + 14, "Right, okay.");
            t += 15;
        }
        assertThat(call.cards()).extracting(Card::id).doesNotContain("coaching-pace");
    }

    @Test
    void lopsidedTalkRatioRaisesTheNudgeOnlyAfterTheMinimumTime() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onFinalSegment(0, "rep", 0, 3, "This call is recorded for training purposes.");
        double t = 4;
        int i = 1;
        double firstNudgeAt = -1;
        while (t < 260 && firstNudgeAt < 0) {
            if (talkNudge(call.onFinalSegment(i++, "rep", t, t + 20,
                    "Let me walk you through how the reporting works for managers."))) {
                firstNudgeAt = t + 20;
            } else if (talkNudge(call.onFinalSegment(i++, "customer", t + 20.5, t + 23, "I see."))) {
                firstNudgeAt = t + 23;
            }
            t += 24;
        }
        assertThat(firstNudgeAt).isBetween(180.0, 210.0);
        assertThat(call.coaching().repShare()).isGreaterThan(0.75);
        assertThat(call.cards()).extracting(Card::id).containsOnlyOnce("coaching-talk-ratio");
    }

    private static boolean talkNudge(io.earpiece.assist.SegmentOutcome outcome) {
        return outcome.cards().stream().anyMatch(c -> c.id().equals("coaching-talk-ratio"));
    }
}
