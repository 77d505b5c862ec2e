package io.earpiece.assist.intent;

import io.earpiece.assist.playbook.IntentDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a playbook's intent models from the bundled training set. Encoding the set is the slow part (a few
 * seconds), so it is done once per trainer and each playbook load only fits the regressions (well under a
 * second); {@link #forEncoder} shares one trainer per encoder so that engines for many teams' playbooks encode
 * the set once, and keeps the embeddings on disk ({@link TrainingEmbeddingCache}) so that a restart reads them back.
 * Given an {@link IntentModelCache}, it also keeps each playbook's fitted models, so that a restart with nothing
 * changed fits nothing.
 */
public final class IntentTrainer {
    // Penalty and step budget chosen by cross-validation on the training set (IntentCrossValidationTest).
    public static final double L2 = 0.1;
    public static final int ITERATIONS = 300;
    public static final boolean STANDARDISE = true;
    public static final int MIN_POSITIVES = 20;
    /** Inner folds that choose each intent's own threshold (0: one threshold for all); see IntentModels.train. */
    public static final int THRESHOLD_FOLDS = 0;
    /** Hash buckets and vector length of the n-gram features beside the embedding (NgramHasher). */
    public static final int NGRAM_BUCKETS = 1 << 15;
    public static final float NGRAM_WEIGHT = 20f;
    /**
     * The code version of what a trained model means: bump it when {@link SpokenText}, {@link NgramHasher},
     * {@link UtteranceFeaturizer}, {@link LogisticRegression} or {@link IntentModels#train} change the features or
     * the fit in a way their settings do not show, so that models cached by {@link IntentModelCache} are retrained.
     */
    public static final int FEATURES_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(IntentTrainer.class);
    private static final Map<SentenceEncoder, IntentTrainer> SHARED = new WeakHashMap<>();

    private final UtteranceFeaturizer featurizer;
    private final List<TrainingExample> examples;
    private final LogisticRegression regression;
    private final TrainingEmbeddingCache cache;
    private final IntentModelCache models;
    private List<EncodedExample> encoded;

    public IntentTrainer(UtteranceFeaturizer featurizer, List<TrainingExample> examples,
                         LogisticRegression regression) {
        this(featurizer, examples, regression, new TrainingEmbeddingCache(null));
    }

    /** @param cache where the training set's embeddings are kept between starts */
    public IntentTrainer(UtteranceFeaturizer featurizer, List<TrainingExample> examples,
                         LogisticRegression regression, TrainingEmbeddingCache cache) {
        this(featurizer, examples, regression, cache, IntentModelCache.none());
    }

    /** @param models where each playbook's trained models are kept between starts */
    public IntentTrainer(UtteranceFeaturizer featurizer, List<TrainingExample> examples,
                         LogisticRegression regression, TrainingEmbeddingCache cache, IntentModelCache models) {
        this.featurizer = featurizer;
        this.examples = List.copyOf(examples);
        this.regression = regression;
        this.cache = cache;
        this.models = models;
    }

    /** The trainer over the bundled training set for this encoder, created on first use; it caches no models. */
    public static synchronized IntentTrainer forEncoder(SentenceEncoder encoder) {
        return SHARED.computeIfAbsent(encoder, e -> bundled(e, IntentModelCache.none()));
    }

    /**
     * A trainer over the bundled training set with the cross-validated settings, its embeddings cached where
     * {@link TrainingEmbeddingCache#fromSystemProperties} says and its trained models in {@code models}.
     */
    public static IntentTrainer bundled(SentenceEncoder encoder, IntentModelCache models) {
        return new IntentTrainer(featurizer(encoder), new TrainingSetLoader().loadDefault(), regression(),
                TrainingEmbeddingCache.fromSystemProperties(), models);
    }

    /** The features with the cross-validated n-gram settings over this encoder's embeddings. */
    public static UtteranceFeaturizer featurizer(SentenceEncoder encoder) {
        return new UtteranceFeaturizer(encoder, new NgramHasher(NGRAM_BUCKETS, NGRAM_WEIGHT));
    }

    /** The training set as loaded, in the order of {@link #encoded()}. */
    public List<TrainingExample> examples() {
        return examples;
    }

    public UtteranceFeaturizer featurizer() {
        return featurizer;
    }

    /** The regression with the cross-validated settings. */
    public static LogisticRegression regression() {
        return new LogisticRegression(L2, ITERATIONS, STANDARDISE);
    }

    /** The models for these intents: read back from the model cache when it has them, else fitted (and stored). */
    public IntentModels train(List<IntentDefinition> intents) {
        if (!models.enabled()) {
            return fit(intents);
        }
        long t0 = System.nanoTime();
        String key = IntentModelCache.key(featurizer.encoder().id(), settings(), examples, intents);
        Optional<IntentModels> cached = models.load(key);
        if (cached.isPresent()) {
            log.info("intent models of {} intents read from {} in {} ms", intents.size(), models.file(key),
                    (System.nanoTime() - t0) / 1_000_000);
            return cached.get();
        }
        IntentModels fitted = fit(intents);
        boolean kept = models.store(key, fitted);
        log.info("intent models of {} intents trained in {} ms{}", intents.size(),
                (System.nanoTime() - t0) / 1_000_000, kept ? " and kept in " + models.file(key) : "");
        return fitted;
    }

    /** Every setting of this trainer that shapes its models, for the model cache's key. */
    String settings() {
        return regression.settings() + " " + featurizer.ngrams().settings() + " minPositives=" + MIN_POSITIVES
                + " thresholdFolds=" + THRESHOLD_FOLDS;
    }

    private IntentModels fit(List<IntentDefinition> intents) {
        Map<String, List<FeatureVector>> exemplars = new HashMap<>();
        for (IntentDefinition intent : intents) {
            List<FeatureVector> vectors = new ArrayList<>();
            intent.exemplars().forEach(x -> vectors.add(featurizer.features(x)));
            exemplars.put(intent.tag(), vectors);
        }
        return IntentModels.train(encoded(), intents, exemplars, regression, featurizer.ngrams().buckets(),
                MIN_POSITIVES, THRESHOLD_FOLDS);
    }

    /** The training set, embedded in the form live text is embedded in (read from the cache when it has it). */
    public synchronized List<EncodedExample> encoded() {
        if (encoded == null) {
            List<String> spoken = examples.stream().map(e -> SpokenText.normalise(e.text())).toList();
            String key = TrainingEmbeddingCache.key(featurizer.encoder().id(), spoken);
            float[][] vectors = cache.load(key, spoken.size()).orElse(null);
            if (vectors == null) {
                vectors = new float[spoken.size()][];
                for (int i = 0; i < vectors.length; i++) {
                    vectors[i] = featurizer.encoder().encode(spoken.get(i));
                }
                cache.store(key, vectors);
            }
            List<EncodedExample> out = new ArrayList<>(examples.size());
            for (int i = 0; i < examples.size(); i++) {
                TrainingExample e = examples.get(i);
                out.add(new EncodedExample(e.role(), e.tags(), featurizer.features(vectors[i], spoken.get(i))));
            }
            encoded = List.copyOf(out);
        }
        return encoded;
    }
}
