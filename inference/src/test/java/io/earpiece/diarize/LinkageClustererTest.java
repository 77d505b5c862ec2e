package io.earpiece.diarize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkageClustererTest {

    /** Pieces 0, 2, 4 are alike, as are 1 and 3; piece 5 is too short to seed and lies nearer to 1 and 3. */
    private static final double[][] DISTANCE = {
            {0.0, 0.9, 0.1, 0.8, 0.2, 0.7},
            {0.9, 0.0, 0.9, 0.1, 0.8, 0.2},
            {0.1, 0.9, 0.0, 0.9, 0.1, 0.9},
            {0.8, 0.1, 0.9, 0.0, 0.9, 0.1},
            {0.2, 0.8, 0.1, 0.9, 0.0, 0.8},
            {0.7, 0.2, 0.9, 0.1, 0.8, 0.0}};

    @Test
    void groupsByDistanceAndAssignsShortPiecesAfterwards() {
        int[] labels = new LinkageClusterer(100).cluster(DISTANCE, new long[] {300, 300, 300, 300, 300, 20}, 2);
        assertThat(labels).containsExactly(0, 1, 0, 1, 0, 1);
    }

    @Test
    void oneSpeakerTakesEverything() {
        int[] labels = new LinkageClusterer(100).cluster(DISTANCE, new long[] {300, 300, 300, 300, 300, 20}, 1);
        assertThat(labels).containsOnly(0);
    }
}
