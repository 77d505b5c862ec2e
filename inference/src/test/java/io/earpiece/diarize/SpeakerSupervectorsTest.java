package io.earpiece.diarize;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerSupervectorsTest {

    private final SpeakerSupervectors supervectors = new SpeakerSupervectors(8, 4.0, 2);

    @Test
    void resegmentationMovesAMisplacedPieceToItsSpeaker() {
        Random random = new Random(3);
        List<double[][]> pieces = new ArrayList<>();
        int[] truth = {0, 1, 0, 1, 0, 1, 0, 1};
        for (int speaker : truth) {
            pieces.add(frames(random, speaker == 0 ? -1.0 : 1.0, 300));
        }
        int[] wrong = truth.clone();
        wrong[2] = 1; // a piece of the first speaker put with the second

        int[] labels = supervectors.analyse(pieces).resegment(wrong, 2);

        assertThat(labels).containsExactly(truth);
    }

    @Test
    void resegmentationNeverEmptiesASpeaker() {
        Random random = new Random(5);
        List<double[][]> pieces = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pieces.add(frames(random, 0.0, 200)); // one voice throughout
        }
        int[] start = {0, 1, 0, 0, 0, 0};

        int[] labels = supervectors.analyse(pieces).resegment(start, 2);

        assertThat(labels).contains(0, 1);
    }

    @Test
    void tooLittleSpeechLeavesTheLabelsAsTheyAre() {
        List<double[][]> pieces = List.of(new double[][] {{0, 0}}, new double[][] {{1, 1}});
        assertThat(supervectors.analyse(pieces).resegment(new int[] {0, 1}, 2)).containsExactly(0, 1);
        assertThat(supervectors.distances(pieces)).isDeepEqualTo(new double[2][2]);
    }

    /** Frames of a two-dimensional voice whose sounds sit around +-1 in the first dimension, offset by {@code shift} in the second. */
    private static double[][] frames(Random random, double shift, int count) {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            double sound = random.nextBoolean() ? 1 : -1;
            out[i] = new double[] {sound + 0.3 * random.nextGaussian(), shift * 0.5 + 0.3 * random.nextGaussian()};
        }
        return out;
    }
}
