package io.earpiece.assist.intent;

import io.earpiece.assist.playbook.IntentDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches an utterance against the playbook's intents by sentence-embedding similarity to their exemplars,
 * with keyword patterns lowering the bar where meaning alone is weak and background phrases vetoing
 * matches that look more like small talk than like any intent.
 */
public final class IntentClassifier {
    private final SentenceEncoder encoder;
    private final List<CompiledIntent> intents = new ArrayList<>();
    private final List<float[]> background = new ArrayList<>();

    public IntentClassifier(SentenceEncoder encoder, List<IntentDefinition> definitions, List<String> background) {
        this.encoder = encoder;
        for (IntentDefinition d : definitions) {
            List<float[]> vectors = new ArrayList<>();
            d.exemplars().forEach(e -> vectors.add(encoder.encode(e)));
            List<Pattern> keywords = new ArrayList<>();
            d.keywords().forEach(k -> keywords.add(Pattern.compile(k, Pattern.CASE_INSENSITIVE)));
            intents.add(new CompiledIntent(d, vectors, keywords));
        }
        background.forEach(b -> this.background.add(encoder.encode(b)));
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
            boolean keyword = intent.keywords.stream().anyMatch(k -> k.matcher(scope).find());
            boolean accepted = keyword
                    ? best >= d.keywordThreshold()
                    : !d.requireKeyword() && best >= d.threshold() && best > bg;
            out.put(d.tag(), new Scored(d.tag(), best, bg, keyword, accepted));
        }
        return out;
    }

    /** A tuning view of one intent's score on one utterance. */
    public record Scored(String tag, double similarity, double background, boolean keyword, boolean accepted) {
    }

    private record CompiledIntent(IntentDefinition definition, List<float[]> exemplars, List<Pattern> keywords) {
    }
}
