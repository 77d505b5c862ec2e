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
    private final Map<String, LogisticRegression.Model> models;

    private IntentModels(Map<String, LogisticRegression.Model> models) {
        this.models = Map.copyOf(models);
    }

    public static IntentModels none() {
        return new IntentModels(Map.of());
    }

    /**
     * @param examples     the encoded training set
     * @param exemplars    each intent's encoded playbook exemplars, by tag
     * @param minPositives fewer positives than this and an intent keeps its exemplar matching
     */
    public static IntentModels train(List<EncodedExample> examples, List<IntentDefinition> intents,
                                     Map<String, List<FeatureVector>> exemplars, LogisticRegression regression,
                                     int sparseDimensions, int minPositives) {
        Map<String, LogisticRegression.Model> out = new HashMap<>();
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
            out.put(intent.tag(), regression.fit(x.toArray(new FeatureVector[0]), labels, sparseDimensions));
        }
        return new IntentModels(out);
    }

    public Optional<LogisticRegression.Model> model(String tag) {
        return Optional.ofNullable(models.get(tag));
    }

    public Set<String> tags() {
        return models.keySet();
    }
}
