package io.earpiece.diarize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups speech pieces by speaker: bottom-up merging of the pair with the lowest BIC gain until the wanted number
 * of speakers is left (or, with no fixed number, until every remaining pair is told apart by BIC), then rounds of
 * reassigning each piece to the cluster under which its frames are most likely. Pieces too short to estimate a
 * full covariance from only take part in the reassignment.
 */
final class SpeakerClusterer {

    private static final int REFINE_ROUNDS = 10;

    private final double penalty;
    private final long minFrames;


    /**
     * @param penalty   BIC model-size weight (1.0 is the textbook criterion)
     * @param minFrames feature frames a piece needs to seed the bottom-up merging
     */
    SpeakerClusterer(double penalty, long minFrames) {
        this.penalty = penalty;
        this.minFrames = minFrames;
    }

    /**
     * Cluster labels (0-based, numbered in order of first appearance) for {@code pieces}, given in time order.
     *
     * @param speakers    the number of speakers, or 0 to let BIC decide
     * @param maxSpeakers upper bound when BIC decides
     */
    int[] cluster(List<GaussianStats> pieces, int speakers, int maxSpeakers) {
        if (speakers <= 0) {
            return cluster(pieces, speakers, maxSpeakers, penalty);
        }
        // with a fixed number of speakers the penalty only steers the merge order, and one early wrong merge
        // can settle a whole call wrongly; several orders are tried and the most likely partition kept
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double weight : new double[] {penalty, penalty * 0.25, penalty * 0.5, penalty * 1.5, penalty * 2}) {
            int[] labels = cluster(pieces, speakers, maxSpeakers, weight);
            double cost = cost(pieces, labels);
            if (cost < bestCost - 1e-9) {
                bestCost = cost;
                best = labels;
            }
        }
        return best;
    }

    /** -2 log-likelihood of the partition up to constants: sum over clusters of frames x log det covariance. */
    private static double cost(List<GaussianStats> pieces, int[] labels) {
        int clusters = Arrays.stream(labels).max().orElse(-1) + 1;
        GaussianStats[] model = new GaussianStats[clusters];
        for (int i = 0; i < pieces.size(); i++) {
            model[labels[i]] = model[labels[i]] == null ? pieces.get(i).copy() : model[labels[i]].plus(pieces.get(i));
        }
        double cost = 0;
        for (GaussianStats m : model) {
            if (m != null && m.count() > 0) {
                cost += m.count() * m.logDeterminant();
            }
        }
        return cost;
    }

    private int[] cluster(List<GaussianStats> pieces, int speakers, int maxSpeakers, double penalty) {
        int n = pieces.size();
        int[] label = new int[n];
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (pieces.get(i).count() >= minFrames) {
                seeds.add(i);
            }
        }
        if (seeds.isEmpty()) {
            return label;
        }
        List<List<Integer>> members = new ArrayList<>();
        List<GaussianStats> stats = new ArrayList<>();
        for (int i : seeds) {
            members.add(new ArrayList<>(List.of(i)));
            stats.add(pieces.get(i).copy());
        }
        // pairwise gains are cached; a merge only recomputes the merged cluster's row
        List<double[]> gain = new ArrayList<>();
        for (int a = 0; a < stats.size(); a++) {
            double[] row = new double[stats.size()];
            for (int b = 0; b < a; b++) {
                row[b] = GaussianStats.deltaBic(stats.get(a), stats.get(b), penalty);
            }
            gain.add(row);
        }
        int target = speakers > 0 ? speakers : 1;
        while (stats.size() > target) {
            int bestA = -1;
            int bestB = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 1; a < stats.size(); a++) {
                double[] row = gain.get(a);
                for (int b = 0; b < a; b++) {
                    if (row[b] < best) {
                        best = row[b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (speakers <= 0 && best > 0 && stats.size() <= maxSpeakers) {
                break;
            }
            // keep the lower index (bestB), drop bestA
            stats.set(bestB, stats.get(bestB).plus(stats.get(bestA)));
            members.get(bestB).addAll(members.get(bestA));
            stats.remove(bestA);
            members.remove(bestA);
            gain.remove(bestA);
            for (int a = bestA; a < gain.size(); a++) {
                double[] row = gain.get(a);
                double[] shorter = new double[row.length - 1];
                System.arraycopy(row, 0, shorter, 0, bestA);
                System.arraycopy(row, bestA + 1, shorter, bestA, row.length - bestA - 1);
                gain.set(a, shorter);
            }
            for (int b = 0; b < bestB; b++) {
                gain.get(bestB)[b] = GaussianStats.deltaBic(stats.get(bestB), stats.get(b), penalty);
            }
            for (int a = bestB + 1; a < stats.size(); a++) {
                gain.get(a)[bestB] = GaussianStats.deltaBic(stats.get(a), stats.get(bestB), penalty);
            }
        }
        Arrays.fill(label, -1);
        for (int c = 0; c < members.size(); c++) {
            for (int i : members.get(c)) {
                label[i] = c;
            }
        }
        assignRest(pieces, label, stats);
        refine(pieces, label, members.size());
        return renumberByFirstAppearance(label);
    }

    private static void assignRest(List<GaussianStats> pieces, int[] label, List<GaussianStats> clusters) {
        for (int i = 0; i < label.length; i++) {
            if (label[i] < 0) {
                label[i] = mostLikely(clusters.toArray(new GaussianStats[0]), pieces.get(i), 0);
            }
        }
    }

    private static int mostLikely(GaussianStats[] model, GaussianStats piece, int fallback) {
        int best = fallback;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < model.length; c++) {
            if (model[c] == null || piece.count() == 0) {
                continue;
            }
            double score = model[c].meanLogLikelihood(piece);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private void refine(List<GaussianStats> pieces, int[] label, int clusters) {
        if (clusters < 2) {
            return;
        }
        for (int round = 0; round < REFINE_ROUNDS; round++) {
            GaussianStats[] model = new GaussianStats[clusters];
            for (int i = 0; i < pieces.size(); i++) {
                model[label[i]] = model[label[i]] == null ? pieces.get(i).copy() : model[label[i]].plus(pieces.get(i));
            }
            for (int c = 0; c < clusters; c++) {
                // a cluster too small for a full covariance would swallow or lose pieces at random
                if (model[c] != null && model[c].count() < minFrames) {
                    return;
                }
            }
            boolean changed = false;
            for (int i = 0; i < pieces.size(); i++) {
                int best = mostLikely(model, pieces.get(i), label[i]);
                if (best != label[i] && model[label[i]].count() - pieces.get(i).count() >= minFrames) {
                    label[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /** The same grouping with labels 0, 1, ... in the order the groups first appear (both clusterers use it). */
    static int[] renumberByFirstAppearance(int[] label) {
        int[] map = new int[label.length + 1];
        Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[label.length];
        for (int i = 0; i < label.length; i++) {
            if (map[label[i]] < 0) {
                map[label[i]] = next++;
            }
            out[i] = map[label[i]];
        }
        return out;
    }
}
