package io.earpiece.diarize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups pieces into a fixed number of speakers from their pairwise distances: average-linkage merging of the
 * pieces long enough to be trusted, then the short ones join the nearest group, then rounds of moving each piece
 * to the group it is on average nearest to (a merge made early on little evidence can be undone).
 */
final class LinkageClusterer {

    private static final int REFINE_ROUNDS = 10;

    private final long minFrames;

    /** @param minFrames frames a piece needs to take part in the merging */
    LinkageClusterer(long minFrames) {
        this.minFrames = minFrames;
    }

    /**
     * Labels (0-based, in order of first appearance) of pieces given in time order.
     *
     * @param distance symmetric pairwise distances
     * @param frames   frames in each piece
     */
    int[] cluster(double[][] distance, long[] frames, int speakers) {
        int n = frames.length;
        int[] label = new int[n];
        Arrays.fill(label, -1);
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (frames[i] >= minFrames) {
                groups.add(new ArrayList<>(List.of(i)));
            }
        }
        if (groups.isEmpty()) {
            // nothing long enough to trust: every piece counts
            for (int i = 0; i < n; i++) {
                groups.add(new ArrayList<>(List.of(i)));
            }
        }
        while (groups.size() > speakers) {
            int bestA = -1;
            int bestB = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 1; a < groups.size(); a++) {
                for (int b = 0; b < a; b++) {
                    double d = meanDistance(distance, groups.get(a), groups.get(b), -1);
                    if (d < best) {
                        best = d;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            groups.get(bestB).addAll(groups.remove(bestA));
        }
        for (int c = 0; c < groups.size(); c++) {
            for (int i : groups.get(c)) {
                label[i] = c;
            }
        }
        for (int i = 0; i < n; i++) {
            if (label[i] < 0) {
                label[i] = nearest(distance, groups, i, 0);
            }
        }
        refine(distance, label, groups.size());
        return SpeakerClusterer.renumberByFirstAppearance(label);
    }

    private static void refine(double[][] distance, int[] label, int clusters) {
        for (int round = 0; round < REFINE_ROUNDS; round++) {
            List<List<Integer>> groups = new ArrayList<>();
            for (int c = 0; c < clusters; c++) {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < label.length; i++) {
                groups.get(label[i]).add(i);
            }
            boolean changed = false;
            int[] next = label.clone();
            for (int i = 0; i < label.length; i++) {
                if (groups.get(label[i]).size() < 2) {
                    continue;
                }
                int best = nearest(distance, groups, i, label[i]);
                if (best != label[i]) {
                    next[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
            System.arraycopy(next, 0, label, 0, label.length);
        }
    }

    private static int nearest(double[][] distance, List<List<Integer>> groups, int piece, int fallback) {
        int best = fallback;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < groups.size(); c++) {
            double d = meanDistance(distance, List.of(piece), groups.get(c), piece);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** Mean distance between members of {@code a} and {@code b}, leaving out {@code skip} (-1 for none). */
    private static double meanDistance(double[][] distance, List<Integer> a, List<Integer> b, int skip) {
        double sum = 0;
        int count = 0;
        for (int i : a) {
            for (int j : b) {
                if (j != skip) {
                    sum += distance[i][j];
                    count++;
                }
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
    }
}
