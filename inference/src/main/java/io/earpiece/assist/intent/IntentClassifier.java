package io.earpiece.assist.intent;

import io.earpiece.assist.playbook.IntentDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matches an utterance against the playbook's intents. An intent with a trained model ({@link IntentModels})
 * is accepted when the model's probability, the best over the utterance's sentences and clauses, reaches
 * {@code minProbability}, or {@code keywordProbability} with a keyword hit; below that the classifier
 * abstains. An intent without a model falls back to nearest-exemplar similarity, with keyword patterns
 * lowering the bar and background phrases vetoing matches that look more like small talk.
 */
public final class IntentClassifier {
    /** Probability needed without a keyword (models are fitted with balanced class weights); chosen by cross-validation. */
    public static final double MIN_PROBABILITY = 0.5;
    /** Probability needed when a keyword of the intent matched (and always for require_keyword intents). */
    public static final double KEYWORD_PROBABILITY = 0.2;

    private final SentenceEncoder encoder;
    private final UtteranceFeaturizer featurizer;
    private final List<CompiledIntent> intents = new ArrayList<>();
    private final List<float[]> background = new ArrayList<>();
    private final IntentModels models;
    private final double minProbability;
    private final double keywordProbability;

    /** Exemplar matching only, as before trained models; for playbooks checked without a training set. */
    public IntentClassifier(SentenceEncoder encoder, List<IntentDefinition> definitions, List<String> background) {
        this(IntentTrainer.featurizer(encoder), definitions, background, IntentModels.none(), MIN_PROBABILITY,
                KEYWORD_PROBABILITY);
    }

    public IntentClassifier(UtteranceFeaturizer featurizer, List<IntentDefinition> definitions,
                            List<String> background, IntentModels models, double minProbability,
                            double keywordProbability) {
        this.encoder = featurizer.encoder();
        this.featurizer = featurizer;
        this.models = models;
        this.minProbability = minProbability;
        this.keywordProbability = keywordProbability;
        for (IntentDefinition d : definitions) {
            List<float[]> vectors = new ArrayList<>();
            if (models.model(d.tag()).isEmpty()) {
                d.exemplars().forEach(e -> vectors.add(encoder.encode(e)));
            }
            List<Pattern> keywords = new ArrayList<>();
            d.keywords().forEach(k -> keywords.add(Pattern.compile(k, Pattern.CASE_INSENSITIVE)));
            intents.add(new CompiledIntent(d, vectors, keywords));
        }
        if (!models.tags().containsAll(definitions.stream().map(IntentDefinition::tag).toList())) {
            background.forEach(b -> this.background.add(encoder.encode(b)));
        }
    }

    /** Whether the playbook has this intent. */
    public boolean knows(String tag) {
        return intents.stream().anyMatch(i -> i.definition.tag().equals(tag));
    }

    /** Intents this speaker's utterance matches, in playbook order. */
    public List<IntentMatch> classify(String speaker, UtteranceShape shape) {
        List<IntentMatch> out = new ArrayList<>();
        for (Scored s : score(speaker, shape).values()) {
            if (s.accepted) {
                out.add(new IntentMatch(s.tag, s.similarity, s.keyword));
            }
        }
        return out;
    }

    /** Every applicable intent's score, accepted or not; for tuning and diagnostics. */
    public Map<String, Scored> score(String speaker, UtteranceShape shape) {
        Map<String, float[]> cache = new HashMap<>();
        Map<String, FeatureVector> features = new HashMap<>();
        Map<String, Scored> out = new LinkedHashMap<>();
        for (CompiledIntent intent : intents) {
            IntentDefinition d = intent.definition;
            if (!d.speakers().contains(speaker)) {
                continue;
            }
            List<String> parts;
            String scope;
            if (d.question().equals("required")) {
                parts = shape.questions();
                if (parts.isEmpty()) {
                    continue;
                }
                scope = String.join(" ", parts);
            } else if (d.question().equals("forbidden")) {
                parts = shape.statementParts();
                if (parts.isEmpty()) {
                    continue;
                }
                scope = String.join(" ", shape.statements());
            } else {
                parts = shape.parts();
                scope = shape.text();
            }
            boolean keyword = intent.keywords.stream().anyMatch(k -> k.matcher(scope).find());
            Optional<LogisticRegression.Model> model = models.model(d.tag());
            if (model.isPresent()) {
                double p = 0;
                for (String part : parts) {
                    FeatureVector v = features.computeIfAbsent(part, featurizer::features);
                    p = Math.max(p, model.get().probability(v));
                }
                double bar = models.threshold(d.tag()).orElse(minProbability);
                boolean accepted = keyword ? p >= Math.min(bar, keywordProbability)
                        : !d.requireKeyword() && p >= bar;
                out.put(d.tag(), new Scored(d.tag(), p, 0, keyword, accepted));
                continue;
            }
            double best = -1;
            double bg = -1;
            for (String part : parts) {
                float[] v = cache.computeIfAbsent(part, encoder::encode);
                for (float[] e : intent.exemplars) {
                    best = Math.max(best, Vectors.dot(v, e));
                }
                for (float[] b : background) {
                    bg = Math.max(bg, Vectors.dot(v, b));
                }
            }
            boolean accepted = keyword
                    ? best >= d.keywordThreshold()
                    : !d.requireKeyword() && best >= d.threshold() && best > bg;
            out.put(d.tag(), new Scored(d.tag(), best, bg, keyword, accepted));
        }
        return out;
    }

    /**
     * Each trained model's probability for text read as one piece (not split into sentences or clauses, and whether
     * it asks or states does not matter), for the tags given that have a model and apply to this speaker: how
     * {@code UtteranceTagger} reads a short reply together with the turn it answers.
     */
    public Map<String, Double> wholeTextProbabilities(String speaker, String text, java.util.function.Predicate<String> tags) {
        Map<String, Double> out = new LinkedHashMap<>();
        FeatureVector v = null;
        for (CompiledIntent intent : intents) {
            IntentDefinition d = intent.definition;
            Optional<LogisticRegression.Model> model = models.model(d.tag());
            if (!tags.test(d.tag()) || !d.speakers().contains(speaker) || model.isEmpty()) {
                continue;
            }
            if (v == null) {
                v = featurizer.features(text);
            }
            out.put(d.tag(), model.get().probability(v));
        }
        return out;
    }

    /** A tuning view of one intent's score on one utterance: a probability where the intent has a model. */
    public record Scored(String tag, double similarity, double background, boolean keyword, boolean accepted) {
    }

    private record CompiledIntent(IntentDefinition definition, List<float[]> exemplars, List<Pattern> keywords) {
    }
}
