package io.earpiece.diarize;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Re-decides the speaker of each piece of a two-party recording with the order of the pieces in mind: the most likely
 * labelling (Viterbi) under a two-state chain in which the next piece comes from the other party with the probability
 * the current labelling shows, and each piece's speaker evidence counts once per {@code observationFrames} of its
 * speech.
 * <p>
 * Why: on one- to two-second turns the speaker models settle on groupings that explain the pieces slightly better
 * than the true one (a few short answers with the asker), and the pieces' own evidence cannot undo that. In a call the
 * parties mostly take turns, so a short piece whose evidence is weak is more likely the other party than a third
 * turn in a row. A piece's log-likelihood ratio sums frame scores as if every 10 ms frame were an independent
 * observation; overlapping windows, deltas and the sound being spoken make neighbouring frames far from that, so the
 * evidence is scaled down to one observation per {@code observationFrames} before it is weighed against the chain.
 * The chain's change probability is re-estimated from each new labelling, so a call of long turns with pauses inside
 * them (pieces of one speaker in a row) keeps a chain that lets the same speaker continue.
 */
final class TurnTakingDecoder {

    /** A chain never forbids or forces a change outright. */
    private static final double MIN_CHANGE = 0.05;
    private static final double MAX_CHANGE = 0.95;

    private final double observationFrames;
    private final int rounds;

    /**
     * @param observationFrames feature frames of speech that count as one independent observation of the speaker
     * @param rounds            decodings at most, each with the evidence and change probability of the last labelling
     */
    TurnTakingDecoder(double observationFrames, int rounds) {
        if (!(observationFrames >= 1) || rounds < 1) {
            throw new IllegalArgumentException("observationFrames must be >= 1 and rounds >= 1: "
                    + observationFrames + ", " + rounds);
        }
        this.observationFrames = observationFrames;
        this.rounds = rounds;
    }

    /**
     * @param labels   speaker (0 or 1) of each piece in time order; not changed
     * @param evidence for a labelling, each piece's log-likelihood of each speaker (pieces x 2), summed over its frames
     * @return the decoded labels; {@code labels}' content when the pieces are too few or a party would vanish
     */
    int[] decode(int[] labels, Function<int[], double[][]> evidence) {
        int[] current = labels.clone();
        if (current.length < 3 || distinct(current) < 2) {
            return current;
        }
        for (int round = 0; round < rounds; round++) {
            int[] next = viterbi(current, evidence.apply(current));
            if (Arrays.equals(next, current) || distinct(next) < 2) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** The chain's probability that the next piece is the other party's, as {@code labels} show it (add-one). */
    static double changeProbability(int[] labels) {
        int changes = 0;
        for (int i = 1; i < labels.length; i++) {
            changes += labels[i] != labels[i - 1] ? 1 : 0;
        }
        return Math.min(MAX_CHANGE, Math.max(MIN_CHANGE, (changes + 1.0) / (labels.length + 1.0)));
    }

    private int[] viterbi(int[] labels, double[][] score) {
        int n = labels.length;
        double change = Math.log(changeProbability(labels));
        double stay = Math.log(1 - changeProbability(labels));
        double scale = 1 / observationFrames;
        double[][] best = new double[n][2];
        int[][] from = new int[n][2];
        for (int s = 0; s < 2; s++) {
            best[0][s] = scale * score[0][s];
        }
        for (int i = 1; i < n; i++) {
            for (int s = 0; s < 2; s++) {
                double same = best[i - 1][s] + stay;
                double other = best[i - 1][1 - s] + change;
                from[i][s] = same >= other ? s : 1 - s;
                best[i][s] = Math.max(same, other) + scale * score[i][s];
            }
        }
        int[] out = new int[n];
        out[n - 1] = best[n - 1][0] >= best[n - 1][1] ? 0 : 1;
        for (int i = n - 1; i > 0; i--) {
            out[i - 1] = from[i][out[i]];
        }
        return out;
    }

    private static int distinct(int[] labels) {
        return (int) Arrays.stream(labels).distinct().count();
    }
}
