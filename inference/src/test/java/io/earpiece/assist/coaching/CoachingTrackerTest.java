package io.earpiece.assist.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoachingTrackerTest {
    private final CoachingTracker tracker = new CoachingTracker(new MonologueWatch(90), 60, 20);

    @Test
    void talkRatioAndPaceComeFromSegmentTimesAndWords() {
        tracker.onSegment("rep", 0, 30, words(90));
        tracker.onSegment("customer", 31, 41, words(20));

        CoachingStats stats = tracker.snapshot();
        assertThat(stats.repTalkS()).isEqualTo(30);
        assertThat(stats.customerTalkS()).isEqualTo(10);
        assertThat(stats.repShare()).isCloseTo(0.75, within(1e-9));
        assertThat(stats.repWpm()).isCloseTo(180, within(1e-9));
        assertThat(stats.customerWpm()).isCloseTo(120, within(1e-9));
        assertThat(stats.recentRepWpm()).isCloseTo(180, within(1e-9));
        assertThat(stats.elapsedS()).isEqualTo(41);
        assertThat(stats.longestMonologueS()).isEqualTo(30);
    }

    @Test
    void recentPaceNeedsEnoughSpeechInTheWindow() {
        tracker.onSegment("rep", 0, 10, words(50));
        assertThat(tracker.snapshot().recentRepWpm()).isZero();
        tracker.onSegment("rep", 100, 125, words(50));
        assertThat(tracker.snapshot().recentRepWpm()).isCloseTo(120, within(1e-9));
    }

    @Test
    void interruptionsAreCountedForWhoeverStartedInsideTheOthersSegment() {
        tracker.onSegment("rep", 0, 10, words(20));
        tracker.onSegment("customer", 6, 12, words(10));
        // Arrives late: the rep's segment started while the customer was still talking.
        tracker.onSegment("customer", 20, 30, words(20));
        tracker.onSegment("rep", 18, 19, words(2));
        tracker.onSegment("rep", 25, 28, words(5));
        // A back-channel right at the end of the other's segment is not an interruption.
        tracker.onSegment("customer", 27.9, 29, words(1));

        CoachingStats stats = tracker.snapshot();
        assertThat(stats.customerInterruptions()).isEqualTo(1);
        assertThat(stats.repInterruptions()).isEqualTo(1);
    }

    private static String words(int n) {
        return "word ".repeat(n).strip();
    }
}
