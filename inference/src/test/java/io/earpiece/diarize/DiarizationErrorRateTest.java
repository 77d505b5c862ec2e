package io.earpiece.diarize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DiarizationErrorRateTest {

    private final List<SpeakerTurn> reference = List.of(new SpeakerTurn("rep", 0, 1_000),
            new SpeakerTurn("customer", 1_000, 2_000));

    @Test
    void swappedLabelsScoreZeroUnderTheBestMapping() {
        DiarizationErrorRate.Result r = new DiarizationErrorRate(0).score(reference,
                List.of(new SpeakerTurn("Speaker 2", 0, 1_000), new SpeakerTurn("Speaker 1", 1_000, 2_000)));
        assertThat(r.der()).isZero();
        assertThat(r.mapping()).containsEntry("Speaker 2", "rep");
    }

    @Test
    void countsMissedFalseAlarmAndConfusion() {
        DiarizationErrorRate.Result r = new DiarizationErrorRate(0).score(reference, List.of(
                new SpeakerTurn("A", 0, 500),      // 500 ms of rep missed
                new SpeakerTurn("A", 1_000, 1_300), // customer as A: confusion
                new SpeakerTurn("B", 1_300, 2_000),
                new SpeakerTurn("B", 2_000, 2_200))); // false alarm
        assertThat(r.referenceMs()).isEqualTo(2_000);
        assertThat(r.missedMs()).isEqualTo(500);
        assertThat(r.confusionMs()).isEqualTo(300);
        assertThat(r.falseAlarmMs()).isEqualTo(200);
        assertThat(r.der()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aCollarForgivesBoundaryOffsets() {
        List<SpeakerTurn> late = List.of(new SpeakerTurn("x", 100, 1_100), new SpeakerTurn("y", 1_100, 2_000));
        assertThat(new DiarizationErrorRate(0).score(reference, late).der()).isGreaterThan(0);
        assertThat(new DiarizationErrorRate(250).score(reference, late).der()).isZero();
    }
}
