package io.earpiece.assist.intent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Surface features of an utterance: its sentences and clauses, and whether it asks a question. */
public final class UtteranceShape {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(",\\s+(?=(but|though|although|because|so)\\b)|;\\s+|\\s+-\\s+");
    // Transcripts from speech often lose the question mark, so an interrogative opening counts too.
    private static final Pattern INTERROGATIVE = Pattern.compile(
            "^(also,?\\s+|and\\s+|so\\s+|okay,?\\s+|ok,?\\s+|one more thing,?\\s+|quick question,?\\s+)?"
                    + "(is|are|do|does|did|can|could|will|would|should|what|how|when|where|which|who|why|have|has)\\b",
            Pattern.CASE_INSENSITIVE);

    private final String text;
    private final List<String> sentences;
    private final List<String> parts;

    public UtteranceShape(String text) {
        this.text = text.strip();
        this.sentences = List.of(SENTENCE_END.split(this.text));
        Set<String> all = new LinkedHashSet<>();
        all.add(this.text);
        for (String sentence : sentences) {
            all.add(sentence);
            for (String clause : CLAUSE_BREAK.split(sentence)) {
                if (clause.split("\\s+").length >= 3) {
                    all.add(clause);
                }
            }
        }
        this.parts = List.copyOf(all);
    }

    public String text() {
        return text;
    }

    public String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The whole utterance, then each sentence and clause, without duplicates. */
    public List<String> parts() {
        return parts;
    }

    /** The sentences that ask something. */
    public List<String> questions() {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            if (s.endsWith("?") || INTERROGATIVE.matcher(s).find()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The sentences that do not ask anything. */
    public List<String> statements() {
        List<String> asks = questions();
        return sentences.stream().filter(s -> !asks.contains(s)).toList();
    }

    /** The statements and their clauses. */
    public List<String> statementParts() {
        List<String> out = new ArrayList<>();
        for (String s : statements()) {
            out.add(s);
            for (String clause : CLAUSE_BREAK.split(s)) {
                if (clause.split("\\s+").length >= 3 && !out.contains(clause)) {
                    out.add(clause);
                }
            }
        }
        return out;
    }

    public boolean isQuestion() {
        return !questions().isEmpty();
    }
}
