package io.earpiece.assist;

import io.earpiece.assist.intent.EncodedExample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals a training set into cross-validation folds so that paraphrases of one line never sit on both sides of a
 * fold. The set was written by hand, often as several wordings of one idea ("too expensive for us", "it's just too
 * expensive"); dealt one by one, a held-out line usually has a sibling in the training part, and the score reads what
 * the model remembers rather than what it generalises to. Lines of the same role and tags whose sentence embeddings
 * are at least {@code similarity} apart (cosine) are joined into one family (transitively), and whole families are
 * dealt, largest first, to the fold holding the fewest lines of that role and tags so far, so every fold still sees
 * every tag. Lines with different tags are never joined: a contrasting pair ("the price is fine" / "the price is too
 * high") on both sides of a fold makes the test harder, not easier.
 */
final class ParaphraseFolds {
    /**
     * Cosine (MiniLM) at which two lines count as wordings of one idea. On the bundled set 0.8 joins only close
     * rewordings and exact repeats (54 of 1,151 lines), 0.75 also restatements with other words (91 lines: "who else is
     * usually involved in decisions like this" / "who else would be involved in a decision like this"), 0.7 begins to
     * join lines that only share a topic (two different questions about call limits). 0.75 is the lowest bar that still
     * joins only paraphrases, so the most of them are held out together; IntentCrossValidationTest prints the families at each bar ({@code -Dassist.cv.show-families=0.75}).
     */
    static final double SIMILARITY = 0.75;

    private final int folds;
    private final double similarity;
    private final long seed;

    ParaphraseFolds(int folds, double similarity) {
        this(folds, similarity, 0);
    }

    /**
     * @param seed 0: families of one size are dealt in file order; another value shuffles that order, so the same set
     *             is split another way (how much a CV figure moves between splits tells what a difference means)
     */
    ParaphraseFolds(int folds, double similarity, long seed) {
        this.seed = seed;
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
        this.folds = folds;
        this.similarity = similarity;
    }

    /** Each example's fold, in the order given. */
    int[] assign(List<EncodedExample> examples) {
        int[] family = families(examples);
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < family.length; i++) {
            members.computeIfAbsent(family[i], f -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> ordered = new ArrayList<>(members.values());
        if (seed != 0) {
            java.util.Collections.shuffle(ordered, new java.util.Random(seed));
        }
        // Largest first, ties in file (or shuffled) order, so the dealing is deterministic and balanced.
        ordered.sort(Comparator.comparingInt((List<Integer> m) -> -m.size()));
        Map<String, int[]> dealt = new HashMap<>();
        int[] fold = new int[examples.size()];
        for (List<Integer> m : ordered) {
            int[] counts = dealt.computeIfAbsent(key(examples.get(m.get(0))), k -> new int[folds]);
            int target = 0;
            for (int k = 1; k < folds; k++) {
                if (counts[k] < counts[target]) {
                    target = k;
                }
            }
            counts[target] += m.size();
            for (int i : m) {
                fold[i] = target;
            }
        }
        return fold;
    }

    /** Each example's family: the smallest index of the lines it is joined to. */
    int[] families(List<EncodedExample> examples) {
        int n = examples.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            String key = key(examples.get(i));
            float[] a = examples.get(i).features().dense();
            for (int j = i + 1; j < n; j++) {
                if (key.equals(key(examples.get(j))) && cosine(a, examples.get(j).features().dense()) >= similarity) {
                    union(parent, i, j);
                }
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = find(parent, i);
        }
        return out;
    }

    private static String key(EncodedExample e) {
        return e.role() + e.tags().stream().sorted().toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        // The smaller index is the root, so a family is named by its first line.
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
