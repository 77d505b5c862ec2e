package io.earpiece.assist.intent;

import io.earpiece.assist.playbook.IntentDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One logistic-regression model per playbook intent (one-vs-rest), so an utterance can carry several tags.
 * An intent's positives are the training examples with its tag plus the playbook's exemplars for it; its
 * negatives are every other example its speakers might say, hard negatives included. An intent with too few
 * positives (a team's own intent the training set does not cover) gets no model and is matched by its
 * exemplars as before.
 */
public final class IntentModels {
    /** Lowest and highest acceptance threshold a tag may be given, and the grid step between them. */
    static final double LOWEST_THRESHOLD = 0.3;
    static final double HIGHEST_THRESHOLD = 0.9;
    static final double THRESHOLD_STEP = 0.05;

    private final Map<String, LogisticRegression.Model> models;
    private final Map<String, Double> thresholds;

    private IntentModels(Map<String, LogisticRegression.Model> models, Map<String, Double> thresholds) {
        this.models = Map.copyOf(models);
        this.thresholds = Map.copyOf(thresholds);
    }

    public static IntentModels none() {
        return new IntentModels(Map.of(), Map.of());
    }

    /** The models and thresholds as {@link #models()} and {@link #thresholds()} gave them (read back from a cache). */
    static IntentModels of(Map<String, LogisticRegression.Model> models, Map<String, Double> thresholds) {
        return new IntentModels(models, thresholds);
    }

    /** Each tag's fitted model. */
    Map<String, LogisticRegression.Model> models() {
        return models;
    }

    /** The acceptance thresholds chosen at training, by tag (empty unless chosen per intent). */
    Map<String, Double> thresholds() {
        return thresholds;
    }

    public static IntentModels train(List<EncodedExample> examples, List<IntentDefinition> intents,
                                     Map<String, List<FeatureVector>> exemplars, LogisticRegression regression,
                                     int sparseDimensions, int minPositives) {
        return train(examples, intents, exemplars, regression, sparseDimensions, minPositives, 0);
    }

    /**
     * @param examples     the encoded training set
     * @param exemplars    each intent's encoded playbook exemplars, by tag
     * @param minPositives fewer positives than this and an intent keeps its exemplar matching
     * @param thresholdFolds above 1: each intent's acceptance threshold is the one that maximises its F1 on
     *                       out-of-fold probabilities of an inner cross-validation over these examples (so a tag whose
     *                       model is over- or under-confident gets its own bar, chosen without the utterances it
     *                       will be judged on); 0: no per-intent threshold
     */
    public static IntentModels train(List<EncodedExample> examples, List<IntentDefinition> intents,
                                     Map<String, List<FeatureVector>> exemplars, LogisticRegression regression,
                                     int sparseDimensions, int minPositives, int thresholdFolds) {
        Map<String, LogisticRegression.Model> out = new HashMap<>();
        Map<String, Double> thresholds = new HashMap<>();
        for (IntentDefinition intent : intents) {
            List<FeatureVector> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            int positives = 0;
            for (EncodedExample e : examples) {
                if (!intent.speakers().contains(e.role())) {
                    continue;
                }
                boolean positive = e.tags().contains(intent.tag());
                x.add(e.features());
                y.add(positive);
                positives += positive ? 1 : 0;
            }
            for (FeatureVector v : exemplars.getOrDefault(intent.tag(), List.of())) {
                x.add(v);
                y.add(true);
                positives++;
            }
            if (positives < minPositives || positives == x.size()) {
                continue;
            }
            boolean[] labels = new boolean[y.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = y.get(i);
            }
            FeatureVector[] rows = x.toArray(new FeatureVector[0]);
            out.put(intent.tag(), regression.fit(rows, labels, sparseDimensions));
            if (thresholdFolds > 1) {
                thresholds.put(intent.tag(), bestThreshold(rows, labels, regression, sparseDimensions, thresholdFolds));
            }
        }
        return new IntentModels(out, thresholds);
    }

    // Out-of-fold probabilities (folds dealt round-robin within positives and negatives), then the grid threshold
    // with the best F1; ties go to the higher threshold, the one with fewer false alarms.
    static double bestThreshold(FeatureVector[] x, boolean[] y, LogisticRegression regression, int sparseDimensions,
                                int folds) {
        int[] fold = new int[x.length];
        int[] dealt = new int[2];
        for (int i = 0; i < x.length; i++) {
            fold[i] = dealt[y[i] ? 1 : 0]++ % folds;
        }
        double[] p = new double[x.length];
        for (int k = 0; k < folds; k++) {
            List<FeatureVector> tx = new ArrayList<>();
            List<Boolean> ty = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (fold[i] != k) {
                    tx.add(x[i]);
                    ty.add(y[i]);
                }
            }
            boolean[] labels = new boolean[ty.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = ty.get(i);
            }
            LogisticRegression.Model m = regression.fit(tx.toArray(new FeatureVector[0]), labels, sparseDimensions);
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == k) {
                    p[i] = m.probability(x[i]);
                }
            }
        }
        double best = HIGHEST_THRESHOLD;
        double bestF1 = -1;
        for (double t = HIGHEST_THRESHOLD; t >= LOWEST_THRESHOLD - 1e-9; t -= THRESHOLD_STEP) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < x.length; i++) {
                boolean has = p[i] >= t;
                tp += has && y[i] ? 1 : 0;
                fp += has && !y[i] ? 1 : 0;
                fn += !has && y[i] ? 1 : 0;
            }
            double f1 = 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = t;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    /** The acceptance threshold chosen for this tag at training, when one was. */
    public java.util.OptionalDouble threshold(String tag) {
        Double t = thresholds.get(tag);
        return t == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(t);
    }

    public Optional<LogisticRegression.Model> model(String tag) {
        return Optional.ofNullable(models.get(tag));
    }

    public Set<String> tags() {
        return models.keySet();
    }
}
