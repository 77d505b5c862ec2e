package io.earpiece.names;

import io.earpiece.names.CallWords.Word;
import io.earpiece.summary.Utterance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a name for each party of a call from what was said: a party naming themselves ("this is Sam", "Sam
 * here", "my name is Sam Okafor", "I'm Sam from Northwind", "you're speaking with Sam") and another party calling
 * them by name at the start of a turn ("hi Dana", "thanks, Dana", "Dana, ..."), which goes to the party who spoke
 * last before (or, for the call's first words, next after). Pure and thread-safe: words in, proposals out.
 *
 * <p>Each piece of evidence has a weight, by how rarely its phrase comes before anything but a name; a name's
 * strength is the chance that not all of its evidence is wrong ({@code 1 - prod(1 - w)}), and the confidence is
 * that strength scaled by the name's share of all the names the party was given. Words that name an organisation
 * in the same call ("from Northwind", "thanks for calling Northwind", "Northwind support") are never a person's.
 */
public final class NameFinder {

    /** "my name is", "this is", "you're speaking with", "Sam here", "Sam speaking". */
    static final double NAMED_SELF = 0.85;
    /** "I'm Sam from ...", "it's Sam here". */
    static final double ANCHORED_SELF = 0.75;
    /** "I'm Sam." closing a clause in one of the party's first turns, "call me Sam". */
    static final double PLAIN_SELF = 0.6;
    /** "hi Dana", "thanks Dana", "is this Dana". */
    static final double GREETED = 0.55;
    /**
     * "Dana, ..." opening a turn, or "..., Dana." closing one (only where the text has punctuation). A sentence's
     * first word is capitalised whatever it is ("Look, ...", "Understood."), so this only adds to a name the party
     * was given otherwise, never makes one.
     */
    static final double VOCATIVE = 0.4;
    /** Turns of a party in which an unanchored "I'm Sam." counts: introductions come early. */
    static final int EARLY_TURNS = 3;

    private static final Set<String> OPENERS = Set.of("oh", "ah", "yeah", "yes", "yep", "ok", "okay", "so", "well",
            "right", "great", "alright", "and", "hi", "hello", "hey", "good", "morning", "afternoon", "evening",
            "there", "thanks", "perfect", "sure");
    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "bye", "goodbye", "welcome");
    private static final Set<String> DAYTIMES = Set.of("morning", "afternoon", "evening");
    /** Words after "I'm Sam" that make it an introduction. */
    private static final Set<String> ANCHORS = Set.of("from", "with", "at", "calling", "here", "over", "and",
            "the", "your", "speaking", "returning", "again", "just");
    /** Words after a name that say the name is an organisation's ("Northwind support"). */
    private static final Set<String> ORG_NOUNS = Set.of("support", "sales", "team", "service", "services",
            "billing", "desk", "office", "group", "inc", "ltd", "llc", "corp", "company", "solutions", "systems",
            "customer", "accounts", "helpdesk", "reception", "labs", "bank", "insurance");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mister", "dr", "doctor");
    private static final Set<String> THANKS_FILLERS = Set.of("so", "very", "much", "again", "a", "lot", "you");

    /** One piece of evidence in one utterance. */
    private record Hit(String key, String full, boolean self, double weight) {
    }

    /** A name at a position: its key (the first name, or title and surname), how it is written, where it ends. */
    private record Found(String key, String full, int end) {
    }

    /** Evidence for one name of one party. */
    private static final class Candidate {
        String full;
        boolean fullFromSelf;
        int self;
        int addressed;
        boolean onlyVocative = true;
        double miss = 1;

        double strength() {
            return 1 - miss;
        }
    }

    /** Party label to the name proposed for it; parties with no evidence are absent. */
    public Map<String, ProposedName> find(List<Utterance> transcript) {
        List<List<Word>> words = transcript.stream().map(u -> CallWords.of(u.text())).toList();
        Set<String> organisations = organisations(words);
        Map<String, Map<String, Candidate>> byParty = new LinkedHashMap<>();
        Map<String, Integer> turns = new HashMap<>();
        for (int i = 0; i < transcript.size(); i++) {
            String speaker = transcript.get(i).speaker();
            int turn = turns.merge(speaker, 1, Integer::sum) - 1;
            String addressee = addressee(transcript, i);
            List<Hit> hits = new ArrayList<>(selfHits(words.get(i), turn < EARLY_TURNS));
            if (addressee != null) {
                hits.addAll(addressHits(words.get(i)));
            }
            // one utterance counts once per name and party, with its strongest evidence
            Map<String, Hit> strongest = new LinkedHashMap<>();
            for (Hit h : hits) {
                if (organisations.contains(h.key())) {
                    continue;
                }
                String party = h.self() ? speaker : addressee;
                strongest.merge(party + "\u0000" + h.key(), h, (a, b) -> b.weight() > a.weight() ? b : a);
            }
            strongest.forEach((k, h) -> add(byParty.computeIfAbsent(k.substring(0, k.indexOf('\u0000')),
                    p -> new LinkedHashMap<>()), h));
        }
        return choose(byParty);
    }

    private static void add(Map<String, Candidate> candidates, Hit h) {
        Candidate c = candidates.computeIfAbsent(h.key(), k -> new Candidate());
        if (h.self()) {
            c.self++;
        } else {
            c.addressed++;
        }
        c.miss *= 1 - h.weight();
        c.onlyVocative &= h.weight() == VOCATIVE;
        // the party's own words spell their name best; among equals the fuller form (with a surname) wins
        boolean better = c.full == null || (h.self() && !c.fullFromSelf)
                || (h.self() == c.fullFromSelf && h.full().length() > c.full.length());
        if (better) {
            c.full = h.full();
            c.fullFromSelf = h.self();
        }
    }

    /**
     * Each party's strongest name; where two parties' strongest name is the same, the party with less evidence
     * for it gives it up and takes its next one.
     */
    private static Map<String, ProposedName> choose(Map<String, Map<String, Candidate>> byParty) {
        Map<String, Map<String, Candidate>> left = new LinkedHashMap<>();
        byParty.forEach((p, c) -> {
            Map<String, Candidate> kept = new LinkedHashMap<>(c);
            kept.values().removeIf(x -> x.onlyVocative);
            left.put(p, kept);
        });
        for (int round = 0; round < 16; round++) {
            Map<String, String> owner = new HashMap<>();
            boolean changed = false;
            for (Map.Entry<String, Map<String, Candidate>> e : left.entrySet()) {
                String key = best(e.getValue());
                if (key == null) {
                    continue;
                }
                String other = owner.putIfAbsent(key, e.getKey());
                if (other != null) {
                    double mine = e.getValue().get(key).strength();
                    double theirs = left.get(other).get(key).strength();
                    if (mine >= theirs) {
                        left.get(other).remove(key);
                    }
                    if (mine <= theirs) {
                        e.getValue().remove(key);
                    }
                    changed = true;
                    break;
                }
            }
            if (!changed) {
                break;
            }
        }
        Map<String, ProposedName> out = new LinkedHashMap<>();
        left.forEach((party, candidates) -> {
            String key = best(candidates);
            if (key == null) {
                return;
            }
            Candidate c = candidates.get(key);
            double total = candidates.values().stream().mapToDouble(Candidate::strength).sum();
            double confidence = Math.round(c.strength() * c.strength() / total * 100) / 100.0;
            out.put(party, new ProposedName(capitalise(c.full), c.self, c.addressed, confidence));
        });
        return out;
    }

    private static String best(Map<String, Candidate> candidates) {
        String best = null;
        for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
            if (best == null || e.getValue().strength() > candidates.get(best).strength()) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Whom utterance {@code i} speaks to: the last other party before it, else the first other after it. */
    private static String addressee(List<Utterance> transcript, int i) {
        String speaker = transcript.get(i).speaker();
        for (int j = i - 1; j >= 0; j--) {
            if (!transcript.get(j).speaker().equals(speaker)) {
                return transcript.get(j).speaker();
            }
        }
        for (int j = i + 1; j < transcript.size(); j++) {
            if (!transcript.get(j).speaker().equals(speaker)) {
                return transcript.get(j).speaker();
            }
        }
        return null;
    }

    private static List<Hit> selfHits(List<Word> w, boolean early) {
        List<Hit> out = new ArrayList<>();
        int start = afterOpeners(w, 0);
        for (int j = 0; j < w.size(); j++) {
            if (is(w, j, "my", "name", "is")) {
                named(w, j + 3, true).ifPresent(f -> out.add(self(f, NAMED_SELF)));
            } else if (is(w, j, "my", "name's") || is(w, j, "my", "names")) {
                named(w, j + 2, true).ifPresent(f -> out.add(self(f, NAMED_SELF)));
            } else if (is(w, j, "this", "is")) {
                named(w, j + 2, true).filter(f -> !orgAfter(w, f.end()))
                        .ifPresent(f -> out.add(self(f, NAMED_SELF)));
            } else if (is(w, j, "you're", "speaking") || is(w, j, "you're", "talking")
                    || is(w, j, "you", "are", "speaking") || is(w, j, "you", "are", "talking")) {
                int k = j + (w.get(j).text().equals("you") ? 3 : 2);
                if (k < w.size() && (w.get(k).text().equals("with") || w.get(k).text().equals("to"))) {
                    named(w, k + 1, true).ifPresent(f -> out.add(self(f, NAMED_SELF)));
                }
            } else if (j == start) {
                // "Sam here", "Sam Okafor speaking" opening the turn
                named(w, j, true).filter(f -> f.end() < w.size()
                                && (w.get(f.end()).text().equals("here") || w.get(f.end()).text().equals("speaking")))
                        .ifPresent(f -> out.add(self(f, NAMED_SELF)));
            }
            if (w.get(j).text().equals("i'm") || is(w, j, "i", "am")) {
                int k = j + (w.get(j).text().equals("i") ? 2 : 1);
                named(w, k, true).ifPresent(f -> {
                    if (anchoredAt(w, f.end())) {
                        out.add(self(f, ANCHORED_SELF));
                    } else if (early && closedAt(w, f.end())) {
                        out.add(self(f, PLAIN_SELF));
                    }
                });
            }
            if (w.get(j).text().equals("it's") || w.get(j).text().equals("its") || is(w, j, "it", "is")) {
                int k = j + (w.get(j).text().equals("it") ? 2 : 1);
                boolean opening = j == start || j > 0 && w.get(j - 1).clauseEnd();
                named(w, k, false).ifPresent(f -> {
                    if (anchoredAt(w, f.end()) && !orgAfter(w, f.end())) {
                        out.add(self(f, ANCHORED_SELF));
                    } else if (early && opening && closedAt(w, f.end())) {
                        out.add(self(f, PLAIN_SELF));
                    }
                });
            }
            if (is(w, j, "call", "me")) {
                named(w, j + 2, false).filter(f -> closedAt(w, f.end()))
                        .ifPresent(f -> out.add(self(f, PLAIN_SELF)));
            }
        }
        return out;
    }

    private static List<Hit> addressHits(List<Word> w) {
        List<Hit> out = new ArrayList<>();
        for (int j = 0; j < w.size(); j++) {
            String t = w.get(j).text();
            int k = -1;
            if (GREETINGS.contains(t) && clauseStart(w, j)
                    || DAYTIMES.contains(t) && (j > 0 && w.get(j - 1).text().equals("good") || clauseStart(w, j))) {
                k = j + 1;
            } else if (t.equals("thanks") || is(w, j, "thank", "you")) {
                k = j + (t.equals("thanks") ? 1 : 2);
                while (k < w.size() && !w.get(k - 1).clauseEnd() && THANKS_FILLERS.contains(w.get(k).text())) {
                    k++;
                }
            } else if ((is(w, j, "is", "this") || is(w, j, "is", "that")) && clauseStart(w, j)) {
                k = j + 2;
            } else if (is(w, j, "am", "i", "speaking") || is(w, j, "am", "i", "talking")) {
                k = j + 3;
                if (k < w.size() && (w.get(k).text().equals("with") || w.get(k).text().equals("to"))) {
                    k++;
                }
            }
            if (k > 0 && k < w.size()) {
                named(w, k, false).filter(f -> !selfAfter(w, f.end()) && !orgAfter(w, f.end()))
                        .ifPresent(f -> out.add(new Hit(f.key(), f.full(), false, GREETED)));
            }
        }
        // "Dana, ..." and "..., Dana." where punctuation says the name stands apart
        int first = afterOpeners(w, 0);
        if (first < w.size() && w.get(first).clauseEnd() && (first == 0 || w.get(first - 1).clauseEnd())) {
            named(w, first, false).filter(f -> f.end() == first + 1)
                    .ifPresent(f -> out.add(new Hit(f.key(), f.full(), false, VOCATIVE)));
        }
        int last = w.size() - 1;
        if (last > 0 && w.get(last - 1).clauseEnd()) {
            named(w, last, false).ifPresent(f -> out.add(new Hit(f.key(), f.full(), false, VOCATIVE)));
        }
        return out;
    }

    /**
     * The name at {@code k}: a first name with, where allowed and the word after it ends the introduction, a
     * surname; or a title and a surname ("Ms Okafor").
     */
    private static java.util.Optional<Found> named(List<Word> w, int k, boolean surname) {
        if (k >= w.size()) {
            return java.util.Optional.empty();
        }
        String first = w.get(k).text();
        if (TITLES.contains(first) && k + 1 < w.size() && candidate(w, k + 1)) {
            String last = w.get(k + 1).text();
            String title = first.equals("mister") ? "mr" : first.equals("doctor") ? "dr" : first;
            return java.util.Optional.of(new Found(title + " " + last, title + " " + last, k + 2));
        }
        if (!candidate(w, k)) {
            return java.util.Optional.empty();
        }
        if (surname && !w.get(k).clauseEnd() && k + 1 < w.size() && candidate(w, k + 1)
                && !ORG_NOUNS.contains(w.get(k + 1).text()) && endsIntroduction(w, k + 2)) {
            return java.util.Optional.of(new Found(first, first + " " + w.get(k + 1).text(), k + 2));
        }
        return java.util.Optional.of(new Found(first, first, k + 1));
    }

    /** Whether the word at {@code k} may be a name: see {@link NotNames}, and capitalised where the text is cased. */
    private static boolean candidate(List<Word> w, int k) {
        return NotNames.nameLike(w.get(k).text()) && (w.get(k).capital() || !CallWords.cased(w));
    }

    /** Whether an introduction may end before {@code k}: the utterance or clause ends, or a linking word follows. */
    private static boolean endsIntroduction(List<Word> w, int k) {
        return k >= w.size() || w.get(k - 1).clauseEnd() || ANCHORS.contains(w.get(k).text())
                || Set.of("i", "i'm", "how", "and", "what", "who", "speaking", "here").contains(w.get(k).text());
    }

    private static boolean anchoredAt(List<Word> w, int k) {
        return k < w.size() && !w.get(k - 1).clauseEnd() && ANCHORS.contains(w.get(k).text());
    }

    private static boolean closedAt(List<Word> w, int k) {
        return k >= w.size() || w.get(k - 1).clauseEnd();
    }

    private static boolean orgAfter(List<Word> w, int k) {
        return k < w.size() && ORG_NOUNS.contains(w.get(k).text());
    }

    /** "hi Sam here": the name after the greeting is the speaker's own. */
    private static boolean selfAfter(List<Word> w, int k) {
        return k < w.size() && (w.get(k).text().equals("here") || w.get(k).text().equals("speaking"));
    }

    private static boolean clauseStart(List<Word> w, int j) {
        return j == 0 || w.get(j - 1).clauseEnd() || afterOpeners(w, 0) >= j;
    }

    private static int afterOpeners(List<Word> w, int from) {
        int k = from;
        while (k < w.size() && OPENERS.contains(w.get(k).text())) {
            k++;
        }
        return k;
    }

    private static boolean is(List<Word> w, int j, String... seq) {
        if (j + seq.length > w.size()) {
            return false;
        }
        for (int i = 0; i < seq.length; i++) {
            if (!w.get(j + i).text().equals(seq[i])) {
                return false;
            }
            // a phrase does not run across a clause break: "this. Is" is no "this is"
            if (i < seq.length - 1 && w.get(j + i).clauseEnd()) {
                return false;
            }
        }
        return true;
    }

    private static Hit self(Found f, double weight) {
        return new Hit(f.key(), f.full(), true, weight);
    }

    /**
     * Words the call uses as an organisation's name: after "from" or "calling" ("I'm Sam from Northwind", "thanks
     * for calling Northwind"), after "welcome to", and before "support", "sales" and the like.
     */
    private static Set<String> organisations(List<List<Word>> words) {
        Set<String> out = new HashSet<>();
        for (List<Word> w : words) {
            for (int j = 0; j < w.size(); j++) {
                String t = w.get(j).text();
                boolean before = (t.equals("from") || t.equals("calling") || is(w, j, "welcome", "to")
                        || is(w, j, "over", "at")) && !w.get(j).clauseEnd();
                int k = j + (t.equals("welcome") || t.equals("over") ? 2 : 1);
                if (before && k < w.size() && candidate(w, k)) {
                    out.add(w.get(k).text());
                }
                if (j + 1 < w.size() && !w.get(j).clauseEnd() && ORG_NOUNS.contains(w.get(j + 1).text())
                        && candidate(w, j)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** "sam o'brien-smith" to "Sam O'Brien-Smith"; "mr okafor" to "Mr Okafor". */
    static String capitalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean up = true;
        for (char c : name.toCharArray()) {
            out.append(up ? Character.toUpperCase(c) : c);
            up = c == ' ' || c == '-' || c == '\'';
        }
        return out.toString();
    }
}
