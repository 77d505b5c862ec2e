package io.earpiece.console.routing;

import io.earpiece.summary.CallSummary;
import io.earpiece.summary.Objection;
import io.earpiece.summary.Priority;
import io.earpiece.summary.Utterance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a stored summary meets a rule's conditions, and says why: the values that matched, as words for
 * the message and as a map for the call page. A pure function of the rule, the summary and the transcript.
 */
public final class RuleMatcher {

    private static final Pattern APOSTROPHE = Pattern.compile("['\u2019]");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Why a rule matched: {@code reason} in words, {@code matched} condition name to the values that met it. */
    public record Match(String reason, Map<String, Object> matched) {
    }

    private RuleMatcher() {
    }

    /** The match, or empty when any condition fails (or the rule has none). */
    public static Optional<Match> match(RoutingRule.When when, CallSummary summary, List<Utterance> said) {
        if (when.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> matched = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        if (!when.callTypes().isEmpty()) {
            String type = summary.type().label();
            if (!lower(when.callTypes()).contains(type)) {
                return Optional.empty();
            }
            matched.put("callType", type);
            words.add("call type " + type);
        }
        if (when.minPriority() != null && !when.minPriority().isBlank()) {
            Priority least = Priority.valueOf(when.minPriority().strip().toUpperCase(Locale.ROOT));
            if (summary.priority().compareTo(least) < 0) {
                return Optional.empty();
            }
            matched.put("priority", summary.priority().label());
            words.add("priority " + summary.priority().label() + " (at least " + least.label() + ")");
        }
        if (!when.sentiments().isEmpty()) {
            String sentiment = summary.sentiment().label();
            if (!lower(when.sentiments()).contains(sentiment)) {
                return Optional.empty();
            }
            matched.put("sentiment", sentiment);
            words.add("sentiment " + sentiment);
        }
        if (!when.objectionKinds().isEmpty()) {
            Set<String> wanted = lower(when.objectionKinds());
            Set<String> raised = new LinkedHashSet<>();
            for (Objection o : summary.objections()) {
                String kind = o.kind().toLowerCase(Locale.ROOT);
                if (wanted.contains(kind)) {
                    raised.add(kind);
                }
            }
            if (raised.isEmpty()) {
                return Optional.empty();
            }
            matched.put("objectionKinds", List.copyOf(raised));
            words.add((raised.size() == 1 ? "objection " : "objections ") + String.join(", ", raised));
        }
        if (!when.phrases().isEmpty()) {
            List<String> heard = heard(when.phrases(), said);
            if (heard.isEmpty()) {
                return Optional.empty();
            }
            matched.put("phrases", heard);
            words.add("said " + String.join(", ", heard.stream().map(p -> "\"" + p + "\"").toList()));
        }
        return Optional.of(new Match(String.join("; ", words), matched));
    }

    /** The phrases (as the rule spells them) that occur in what was said, as whole words. */
    static List<String> heard(List<String> phrases, List<Utterance> said) {
        StringBuilder all = new StringBuilder(" ");
        for (Utterance u : said) {
            // the bar between utterances keeps a phrase from matching the end of one and the start of the next
            all.append(normalise(u.text())).append(" | ");
        }
        String text = all.toString();
        List<String> out = new ArrayList<>();
        for (String phrase : phrases) {
            String p = normalise(phrase);
            if (!p.isEmpty() && text.contains(" " + p + " ") && !out.contains(phrase.strip())) {
                out.add(phrase.strip());
            }
        }
        return out;
    }

    /**
     * Lower case, apostrophes dropped ("don't" is "dont", however the recogniser spelt it), every other run of
     * punctuation and space as one space: "Cancel, my account!" is "cancel my account".
     */
    static String normalise(String s) {
        String noApostrophes = APOSTROPHE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        return NOT_A_WORD.matcher(noApostrophes).replaceAll(" ").strip();
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(v.strip().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
