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
    public static final double L2 = 0.3;
    public static final int ITERATIONS = 300;
    public static final boolean STANDARDISE = true;
    public static final int MIN_POSITIVES = 20;

    private static final Map<SentenceEncoder, IntentTrainer> SHARED = new WeakHashMap<>();

    private final SentenceEncoder encoder;
    private final List<TrainingExample> examples;
    private final LogisticRegression regression;
    private List<EncodedExample> encoded;

    public IntentTrainer(SentenceEncoder encoder, List<TrainingExample> examples, LogisticRegression regression) {
        this.encoder = encoder;
        this.examples = List.copyOf(examples);
        this.regression = regression;
    }

    /** The trainer over the bundled training set for this encoder, created on first use. */
    public static synchronized IntentTrainer forEncoder(SentenceEncoder encoder) {
        return SHARED.computeIfAbsent(encoder, e -> new IntentTrainer(e, new TrainingSetLoader().loadDefault(),
                regression()));
    }

    /** The regression with the cross-validated settings. */
    public static LogisticRegression regression() {
        return new LogisticRegression(L2, ITERATIONS, STANDARDISE);
    }

    public IntentModels train(List<IntentDefinition> intents) {
        Map<String, List<float[]>> exemplars = new HashMap<>();
        for (IntentDefinition intent : intents) {
            List<float[]> vectors = new ArrayList<>();
            intent.exemplars().forEach(x -> vectors.add(encoder.encode(SpokenText.normalise(x))));
            exemplars.put(intent.tag(), vectors);
        }
        return IntentModels.train(encoded(), intents, exemplars, regression, MIN_POSITIVES);
    }

    /** The training set, embedded in the form live text is embedded in. */
    public synchronized List<EncodedExample> encoded() {
        if (encoded == null) {
            List<EncodedExample> out = new ArrayList<>(examples.size());
            for (TrainingExample e : examples) {
                out.add(new EncodedExample(e.role(), e.tags(), encoder.encode(SpokenText.normalise(e.text()))));
            }
            encoded = List.copyOf(out);
        }
        return encoded;
    }
}
