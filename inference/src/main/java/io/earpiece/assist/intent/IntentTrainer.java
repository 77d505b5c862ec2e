package io.earpiece.assist.intent;

import io.earpiece.assist.playbook.IntentDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Trains a playbook's intent models from the bundled training set. Encoding the set is the slow part (a few
 * seconds), so it is done once per trainer and each playbook load only fits the regressions (well under a
 * second); {@link #forEncoder} shares one trainer per encoder so that engines for many teams' playbooks encode
 * the set once.
 */
public final class IntentTrainer {
    // Penalty and step budget chosen by cross-validation on the training set (IntentCrossValidationTest).
    public static final double L2 = 1.0;
    public static final int ITERATIONS = 300;
    public static final boolean STANDARDISE = true;
    public static final int MIN_POSITIVES = 20;
    /** Hash buckets and vector length of the n-gram features beside the embedding (NgramHasher). */
    public static final int NGRAM_BUCKETS = 1 << 15;
    public static final float NGRAM_WEIGHT = 20f;

    private static final Map<SentenceEncoder, IntentTrainer> SHARED = new WeakHashMap<>();

    private final UtteranceFeaturizer featurizer;
    private final List<TrainingExample> examples;
    private final LogisticRegression regression;
    private List<EncodedExample> encoded;

    public IntentTrainer(UtteranceFeaturizer featurizer, List<TrainingExample> examples,
                         LogisticRegression regression) {
        this.featurizer = featurizer;
        this.examples = List.copyOf(examples);
        this.regression = regression;
    }

    /** The trainer over the bundled training set for this encoder, created on first use. */
    public static synchronized IntentTrainer forEncoder(SentenceEncoder encoder) {
        return SHARED.computeIfAbsent(encoder, e -> new IntentTrainer(featurizer(e),
                new TrainingSetLoader().loadDefault(), regression()));
    }

    /** The features with the cross-validated n-gram settings over this encoder's embeddings. */
    public static UtteranceFeaturizer featurizer(SentenceEncoder encoder) {
        return new UtteranceFeaturizer(encoder, new NgramHasher(NGRAM_BUCKETS, NGRAM_WEIGHT));
    }

    public UtteranceFeaturizer featurizer() {
        return featurizer;
    }

    /** The regression with the cross-validated settings. */
    public static LogisticRegression regression() {
        return new LogisticRegression(L2, ITERATIONS, STANDARDISE);
    }

    public IntentModels train(List<IntentDefinition> intents) {
        Map<String, List<FeatureVector>> exemplars = new HashMap<>();
        for (IntentDefinition intent : intents) {
            List<FeatureVector> vectors = new ArrayList<>();
            intent.exemplars().forEach(x -> vectors.add(featurizer.features(x)));
            exemplars.put(intent.tag(), vectors);
        }
        return IntentModels.train(encoded(), intents, exemplars, regression, featurizer.ngrams().buckets(),
                MIN_POSITIVES);
    }

    /** The training set, embedded in the form live text is embedded in. */
    public synchronized List<EncodedExample> encoded() {
        if (encoded == null) {
            List<EncodedExample> out = new ArrayList<>(examples.size());
            for (TrainingExample e : examples) {
                out.add(new EncodedExample(e.role(), e.tags(), featurizer.features(e.text())));
            }
            encoded = List.copyOf(out);
        }
        return encoded;
    }
}
