package io.earpiece.diarize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurnTakingDecoderTest {

    /** One observation per 50 frames (500 ms), as the defaults have it. */
    private final TurnTakingDecoder decoder = new TurnTakingDecoder(50, 5);

    /** Pieces' log-likelihoods of speaker 0 and 1: {@code margin} in favour of {@code favoured}, over 100 frames. */
    private static double[] piece(int favoured, double marginPerFrame) {
        double total = marginPerFrame * 100;
        return favoured == 0 ? new double[] {total, 0} : new double[] {0, total};
    }

    @Test
    void aShortAnswerWithWeakEvidenceGoesToTheOtherParty() {
        // strictly alternating turns, but the fourth piece (a short answer) leans slightly to the asker
        double[][] evidence = new double[10][];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = piece(i % 2, 1.0);
        }
        evidence[3] = piece(0, 0.3);
        int[] settled = {0, 1, 0, 0, 0, 1, 0, 1, 0, 1};

        int[] decoded = decoder.decode(settled, labels -> evidence);

        assertThat(decoded).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
        assertThat(settled).as("input untouched").containsExactly(0, 1, 0, 0, 0, 1, 0, 1, 0, 1);
    }

    @Test
    void strongEvidenceKeepsASpeakerTalkingOnAfterAPause() {
        // a long turn split at its pauses: three pieces of speaker 0 in a row, each clearly theirs
        double[][] evidence = {piece(0, 1), piece(1, 1), piece(0, 1), piece(0, 1), piece(0, 1), piece(1, 1),
                piece(0, 1), piece(1, 1)};
        int[] settled = {0, 1, 0, 0, 0, 1, 0, 1};

        assertThat(decoder.decode(settled, labels -> evidence)).containsExactly(settled);
    }

    @Test
    void aCallOfLongTurnsKeepsItsRuns() {
        // few changes: the chain estimated from them lets a speaker continue, so weak pieces inside a run stay
        double[][] evidence = {piece(0, 1), piece(0, 0.2), piece(0, 1), piece(0, 1), piece(1, 1), piece(1, 0.2),
                piece(1, 1), piece(1, 1)};
        int[] settled = {0, 0, 0, 0, 1, 1, 1, 1};

        assertThat(decoder.decode(settled, labels -> evidence)).containsExactly(settled);
    }

    @Test
    void tooFewPiecesOrOneSpeakerAreLeftAsTheyAre() {
        double[][] two = {piece(0, 0.1), piece(0, 0.1)};
        assertThat(decoder.decode(new int[] {0, 1}, labels -> two)).containsExactly(0, 1);
        double[][] three = {piece(1, 1), piece(1, 1), piece(1, 1)};
        assertThat(decoder.decode(new int[] {0, 0, 0}, labels -> three)).containsExactly(0, 0, 0);
    }

    @Test
    void changeProbabilityIsWhatTheLabelsShowWithinBounds() {
        assertThat(TurnTakingDecoder.changeProbability(new int[] {0, 1, 0, 1})).isEqualTo(4.0 / 5);
        assertThat(TurnTakingDecoder.changeProbability(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isEqualTo(0.05);
    }

    @Test
    void rejectsSettingsThatCannotDecode() {
        assertThatThrownBy(() -> new TurnTakingDecoder(0.5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TurnTakingDecoder(50, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
