package io.earpiece.diarize;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds speaker changes inside one stretch of speech with no pause: the frame that best splits it into two
 * Gaussians by BIC, applied recursively while the gain is positive and both sides keep enough speech.
 */
final class SpeakerChangeDetector {

    /** Candidate change points are tried every this many frames (100 ms). */
    private static final int STEP = 10;

    private final double penalty;
    private final int minSideFrames;

    SpeakerChangeDetector(double penalty, int minSideFrames) {
        this.penalty = penalty;
        this.minSideFrames = minSideFrames;
    }

    /** Indices into {@code vectors} where a new speaker starts, ascending; empty when there is no change. */
    List<Integer> changes(List<double[]> vectors) {
        List<Integer> out = new ArrayList<>();
        split(vectors, 0, vectors.size(), out);
        out.sort(null);
        return out;
    }

    private void split(List<double[]> vectors, int from, int to, List<Integer> out) {
        if (to - from < 2 * minSideFrames) {
            return;
        }
        int dim = vectors.get(from).length;
        GaussianStats total = new GaussianStats(dim);
        for (int i = from; i < to; i++) {
            total.add(vectors.get(i));
        }
        GaussianStats left = new GaussianStats(dim);
        int i = from;
        int best = -1;
        double bestGain = 0;
        for (int cut = from + minSideFrames; cut <= to - minSideFrames; cut += STEP) {
            while (i < cut) {
                left.add(vectors.get(i++));
            }
            double gain = GaussianStats.deltaBic(left, total.minus(left), penalty);
            if (gain > bestGain) {
                bestGain = gain;
                best = cut;
            }
        }
        if (best < 0) {
            return;
        }
        out.add(best);
        split(vectors, from, best, out);
        split(vectors, best, to, out);
    }
}
