package io.earpiece.assist.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds first-person commitments ("I will send...", "we'll set up...", "let us book...") and extracts the
 * promised verb phrase and its due time. Offers ("I can...") and obligations ("I will have to...") are not
 * commitments, because nobody has agreed to do anything yet.
 */
public final class CommitmentFinder {
    private static final String FILLER = "(?:(?:also|just|definitely|personally|then|first|quickly|now|go ahead and"
            + "|make sure to|make sure we|make sure i|try to|be sure to|get|actually|gladly|happily|certainly)\\s+)*";
    private static final Pattern PROMISE = Pattern.compile(
            "\\b(?:i|we)\\s*(?:will|'ll|’ll|shall|am going to|'m going to|’m going to|are going to|'re going to"
                    + "|’re going to)\\s+" + FILLER + "(?<verb>[a-z]+)"
                    + "|\\blet(?:'s|’s|\\s+us|\\s+me)\\s+" + FILLER + "(?<verb2>[a-z]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_ACTIONS = Set.of("be", "have", "need", "know", "think", "guess", "hope",
            "want", "see", "understand", "say", "probably", "not", "never", "wait", "let", "like", "love",
            "stay", "mention", "admit", "definitely", "lose", "miss", "do", "get");
    // Verbs that promise something only when a due time makes them concrete ("I'll talk to Ana on Monday").
    private static final Set<String> WEAK_VERBS = Set.of("talk", "discuss", "check", "consider", "look", "go",
            "speak", "chat", "revisit", "circle", "touch", "reconnect", "keep");
    private static final Pattern CLAUSE_END = Pattern.compile("[.!?;]|,\\s+(?:and|but|so)\\b|\\s+(?:and|but|so)\\s+"
            + "(?:i|we|you|they|let)\\b|,\\s+(?:if|because|once|when|as soon as)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> DROPPED = Set.of("a", "an", "the", "you", "your", "our", "my", "me", "us",
            "some", "over", "across", "along", "out", "also", "just", "quickly", "this", "that", "these", "those",
            "it", "them", "him", "her", "their", "its", "his");

    private final DuePhraseFinder dueFinder;

    public CommitmentFinder(DuePhraseFinder dueFinder) {
        this.dueFinder = dueFinder;
    }

    public List<Commitment> find(String text) {
        List<Commitment> out = new ArrayList<>();
        Matcher m = PROMISE.matcher(text);
        int consumed = 0;
        while (m.find()) {
            if (m.start() < consumed) {
                continue;
            }
            int verbStart = m.group("verb") != null ? m.start("verb") : m.start("verb2");
            String verb = text.substring(verbStart, m.end()).toLowerCase(Locale.ROOT);
            if (NOT_ACTIONS.contains(verb)) {
                continue;
            }
            Matcher end = CLAUSE_END.matcher(text);
            int clauseEnd = end.find(verbStart) ? end.start() : text.length();
            String clause = text.substring(verbStart, clauseEnd);
            Optional<DuePhrase> inClause = dueFinder.find(clause);
            // The due time is often said after the clause break: "I'll send it, by Friday at the latest."
            Optional<DuePhrase> due = inClause.isPresent() ? inClause : dueFinder.find(text.substring(clauseEnd));
            // "Let's..." proposes rather than promises unless it names when.
            boolean proposal = m.group("verb2") != null;
            if ((WEAK_VERBS.contains(verb) || proposal) && due.isEmpty()) {
                continue;
            }
            String what = inClause.map(d -> clause.substring(0, d.start())).orElse(clause);
            out.add(new Commitment(shorten(what), due));
            consumed = clauseEnd;
        }
        return out;
    }

    private static String shorten(String phrase) {
        List<String> kept = new ArrayList<>();
        for (String word : phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().split("\\s+")) {
            if (!word.isEmpty() && (kept.isEmpty() || !DROPPED.contains(word))) {
                kept.add(word);
            }
            if (kept.size() == 8) {
                break;
            }
        }
        while (kept.size() > 1 && Set.of("to", "for", "with", "and", "of", "on", "by", "at").contains(
                kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        return String.join(" ", kept);
    }
}
