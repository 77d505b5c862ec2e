package io.earpiece.assist;

import io.earpiece.assist.compliance.DisclosureDetector;
import io.earpiece.assist.eval.FamilyScore;
import io.earpiece.assist.intent.EncodedExample;
import io.earpiece.assist.intent.FeatureVector;
import io.earpiece.assist.intent.IntentClassifier;
import io.earpiece.assist.intent.IntentModels;
import io.earpiece.assist.intent.IntentTrainer;
import io.earpiece.assist.intent.LogisticRegression;
import io.earpiece.assist.intent.TrainingExample;
import io.earpiece.assist.intent.UtteranceFeaturizer;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.assist.playbook.IntentDefinition;
import io.earpiece.assist.playbook.Playbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How well each trigger of a playbook is recognised on utterances its models never saw: k-fold cross-validation
 * over the training set, each fold's models trained on the other folds plus the playbook's exemplars and scored
 * through the same tagger the engine uses. The figure a playbook author should read next to a trigger, and the
 * one the defaults are chosen by ({@code IntentCrossValidationTest}).
 */
public final class TriggerCrossValidation {
    public static final int FOLDS = 5;

    /** How held-out lines are chosen. */
    public enum Folding {
        /** Whole families of paraphrases dealt together ({@link ParaphraseFolds}): the honest figure, the default. */
        PARAPHRASE,
        /** Each role-and-tags group dealt line by line: a paraphrase of a held-out line usually trains (reads higher). */
        LINE
    }

    private final IntentTrainer trainer;
    private final int folds;
    private final java.util.function.Consumer<String> mistakes;
    private final Folding folding;
    private final double familySimilarity;
    private final long seed;

    public TriggerCrossValidation(IntentTrainer trainer) {
        this(trainer, FOLDS);
    }

    public TriggerCrossValidation(IntentTrainer trainer, int folds) {
        this(trainer, folds, m -> { });
    }

    /** @param mistakes told each held-out utterance tagged wrongly: role, wanted and got tags, text */
    public TriggerCrossValidation(IntentTrainer trainer, int folds, java.util.function.Consumer<String> mistakes) {
        this(trainer, folds, mistakes, Folding.PARAPHRASE);
    }

    public TriggerCrossValidation(IntentTrainer trainer, int folds, java.util.function.Consumer<String> mistakes,
                                  Folding folding) {
        this(trainer, folds, mistakes, folding, ParaphraseFolds.SIMILARITY, 0);
    }

    /**
     * @param familySimilarity the cosine that joins two lines into one paraphrase family (for measuring it)
     * @param seed             another split of the same set ({@link ParaphraseFolds}); 0: the usual one
     */
    TriggerCrossValidation(IntentTrainer trainer, int folds, java.util.function.Consumer<String> mistakes,
                           Folding folding, double familySimilarity, long seed) {
        this.seed = seed;
        this.mistakes = mistakes;
        this.folding = folding;
        this.familySimilarity = familySimilarity;
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
        this.trainer = trainer;
        this.folds = folds;
    }

    /** Per-trigger counts with the engine's own settings. */
    public Map<String, FamilyScore> run(Playbook playbook) {
        return run(playbook, IntentTrainer.regression(), IntentClassifier.MIN_PROBABILITY,
                IntentClassifier.KEYWORD_PROBABILITY, IntentTrainer.THRESHOLD_FOLDS, true, Function.identity());
    }

    /**
     * @param regression        null: no models, exemplar matching only (the baseline)
     * @param thresholdFolds    as {@link IntentModels#train}: per-trigger thresholds from an inner cross-validation
     *                          of each outer fold's training part (nested, so no held-out utterance chooses them)
     * @param oneCustomerIntent as {@link UtteranceTagger}
     * @param asHeard           rewrites each held-out utterance before it is tagged (e.g. as a recogniser writes it)
     */
    public Map<String, FamilyScore> run(Playbook playbook, LogisticRegression regression, double minProbability,
                                        double keywordProbability, int thresholdFolds, boolean oneCustomerIntent,
                                        Function<String, String> asHeard) {
        return run(playbook, regression, minProbability, keywordProbability, thresholdFolds, oneCustomerIntent, asHeard,
                e -> true);
    }

    /**
     * As above, counting only the held-out utterances {@code judged} accepts (all still train the other folds): lines
     * added to the set can then be measured on the same held-out lines as before they were written, not on easier
     * ones of their own.
     */
    public Map<String, FamilyScore> run(Playbook playbook, LogisticRegression regression, double minProbability,
                                        double keywordProbability, int thresholdFolds, boolean oneCustomerIntent,
                                        Function<String, String> asHeard,
                                        java.util.function.Predicate<TrainingExample> judged) {
        List<TrainingExample> examples = trainer.examples();
        List<EncodedExample> encoded = trainer.encoded();
        UtteranceFeaturizer featurizer = trainer.featurizer();
        Map<String, List<FeatureVector>> exemplars = new HashMap<>();
        for (IntentDefinition intent : playbook.intents()) {
            exemplars.put(intent.tag(), intent.exemplars().stream().map(featurizer::features).toList());
        }
        int[] fold = folding == Folding.PARAPHRASE
                ? new ParaphraseFolds(folds, familySimilarity, seed).assign(encoded) : byLine(examples);
        Map<String, FamilyScore> scores = new LinkedHashMap<>();
        for (IntentDefinition intent : playbook.intents()) {
            scores.put(intent.tag(), new FamilyScore(0, 0, 0));
        }
        for (int k = 0; k < folds; k++) {
            List<EncodedExample> train = new ArrayList<>();
            for (int i = 0; i < encoded.size(); i++) {
                if (fold[i] != k) {
                    train.add(encoded.get(i));
                }
            }
            IntentModels models = regression == null ? IntentModels.none() : IntentModels.train(train,
                    playbook.intents(), exemplars, regression, featurizer.ngrams().buckets(),
                    IntentTrainer.MIN_POSITIVES, thresholdFolds);
            IntentClassifier classifier = new IntentClassifier(featurizer, playbook.intents(), playbook.background(),
                    models, minProbability, keywordProbability);
            UtteranceTagger tagger = new UtteranceTagger(classifier, new PiiDetector(),
                    new DisclosureDetector(List.of()), oneCustomerIntent);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != k || !judged.test(examples.get(i))) {
                    continue;
                }
                TrainingExample e = examples.get(i);
                Set<String> got = new java.util.TreeSet<>(tagger.tags(e.role(), asHeard.apply(e.text())));
                got.retainAll(scores.keySet());
                if (!got.equals(new java.util.TreeSet<>(e.tags()))) {
                    mistakes.accept(e.role() + "\twant " + new java.util.TreeSet<>(e.tags()) + "\tgot " + got + "\t"
                            + e.text());
                }
                for (String tag : scores.keySet()) {
                    boolean want = e.tags().contains(tag);
                    boolean has = got.contains(tag);
                    scores.merge(tag, new FamilyScore(0, 0, 0),
                            (a, b) -> a.plus(want && has ? 1 : 0, has && !want ? 1 : 0, want && !has ? 1 : 0));
                }
            }
        }
        return scores;
    }

    // Stratified: each tag set (or none) is dealt round-robin over the folds, so every fold sees every tag.
    private int[] byLine(List<TrainingExample> examples) {
        int[] fold = new int[examples.size()];
        Map<String, Integer> dealt = new HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            String key = examples.get(i).role() + examples.get(i).tags().stream().sorted().toList();
            int n = dealt.merge(key, 1, Integer::sum);
            fold[i] = n % folds;
        }
        return fold;
    }

    /** The sum over the tags that start with {@code prefix} ("" for all). */
    public static FamilyScore family(Map<String, FamilyScore> scores, String prefix) {
        FamilyScore sum = new FamilyScore(0, 0, 0);
        for (Map.Entry<String, FamilyScore> e : scores.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                FamilyScore s = e.getValue();
                sum = sum.plus(s.truePositives(), s.falsePositives(), s.falseNegatives());
            }
        }
        return sum;
    }

    public static double f1(FamilyScore s) {
        int d = 2 * s.truePositives() + s.falsePositives() + s.falseNegatives();
        return d == 0 ? 0 : 2.0 * s.truePositives() / d;
    }

    public static double microF1(Map<String, FamilyScore> scores) {
        return f1(family(scores, ""));
    }

    /** A per-trigger table (tp, fp, fn, P, R, F1) with the objection and question families and micro-F1. */
    public static String table(Map<String, FamilyScore> scores) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %4s %4s %4s %6s %6s %6s%n",
                "trigger", "tp", "fp", "fn", "P", "R", "F1"));
        Map<String, FamilyScore> rows = new LinkedHashMap<>(scores);
        rows.put("objection:*", family(scores, "objection:"));
        rows.put("question:*", family(scores, "question:"));
        rows.forEach((tag, s) -> out.append(String.format(Locale.ROOT, "%-22s %4d %4d %4d %6.2f %6.2f %6.2f%n",
                tag, s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall(), f1(s))));
        return out.append(String.format(Locale.ROOT, "micro-F1 %.3f%n", microF1(scores))).toString();
    }
}
