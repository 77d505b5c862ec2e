package io.earpiece.assist.eval;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceUtterance;
import io.earpiece.assist.action.DueDateResolver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scores predicted events against reference tags, accumulating over calls: a prediction counts when its tag is
 * on the right utterance; action tags match when owner and due agree (due as said or as resolved date) and the
 * WHAT phrases share a content word. Reports precision/recall per tag and per family, and micro-F1.
 */
public final class TagScorer {
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "to", "for", "with", "of", "and", "or",
            "you", "me", "us", "it", "our", "your", "my", "on", "by", "in", "at", "over", "up", "out", "some",
            "them", "this", "that", "their", "also", "will", "i", "we", "from", "about", "back");

    private final DueDateResolver dueResolver;
    private final Map<String, FamilyScore> families = new TreeMap<>();
    private final Map<String, FamilyScore> tags = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();

    public TagScorer(DueDateResolver dueResolver) {
        this.dueResolver = dueResolver;
    }

    /** Adds one call: the reference transcript (with tags) and the events predicted for it. */
    public void add(String callName, ReferenceTranscript reference, List<AssistEvent> predicted, LocalDate callDate) {
        List<ReferenceUtterance> utterances = reference.utterances();
        for (int i = 0; i < utterances.size(); i++) {
            final int index = i;
            List<AssistEvent> mine = new ArrayList<>(predicted.stream().filter(e -> e.utterance() == index).toList());
            for (String tag : utterances.get(i).tags()) {
                Optional<AssistEvent> hit = mine.stream().filter(e -> matches(tag, e, callDate)).findFirst();
                if (hit.isPresent()) {
                    mine.remove(hit.get());
                    count(tag, 1, 0, 0);
                } else {
                    count(tag, 0, 0, 1);
                    misses.add(callName + "#" + i + " missed " + tag + "   | " + utterances.get(i).text());
                }
            }
            for (AssistEvent extra : mine) {
                count(extra.tag(), 0, 1, 0);
                misses.add(callName + "#" + i + " extra  " + extra.tag() + "   | " + utterances.get(i).text());
            }
        }
    }

    private boolean matches(String referenceTag, AssistEvent event, LocalDate callDate) {
        if (!referenceTag.startsWith("action:")) {
            return referenceTag.equals(event.tag());
        }
        if (!event.tag().startsWith("action:")) {
            return false;
        }
        String[] ref = referenceTag.split(":", 4);
        String[] got = event.tag().split(":", 4);
        if (ref.length < 4 || got.length < 4 || !ref[1].equals(got[1])) {
            return false;
        }
        return sameDue(ref[3], got[3], callDate) && !Collections.disjoint(contentWords(ref[2]), contentWords(got[2]));
    }

    private boolean sameDue(String a, String b, LocalDate callDate) {
        if (a.trim().equalsIgnoreCase(b.trim())) {
            return true;
        }
        Optional<LocalDate> da = dueResolver.resolve(a, callDate);
        Optional<LocalDate> db = dueResolver.resolve(b, callDate);
        return da.isPresent() && Objects.equals(da, db);
    }

    static Set<String> contentWords(String phrase) {
        return Arrays.stream(phrase.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty() && !STOP_WORDS.contains(w))
                .map(w -> w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static String family(String tag) {
        int colon = tag.indexOf(':');
        return colon < 0 ? tag : tag.substring(0, colon);
    }

    // Per tag, action tags count as one "action" tag: their owner/what/due parts differ on every line.
    private static String tagKey(String tag) {
        return tag.startsWith("action:") ? "action" : tag;
    }

    private void count(String tag, int tp, int fp, int fn) {
        families.merge(family(tag), new FamilyScore(tp, fp, fn), (a, b) -> a.plus(tp, fp, fn));
        tags.merge(tagKey(tag), new FamilyScore(tp, fp, fn), (a, b) -> a.plus(tp, fp, fn));
    }

    public Map<String, FamilyScore> families() {
        return Map.copyOf(families);
    }

    /** Scores per tag (all action tags as {@code action}). */
    public Map<String, FamilyScore> tags() {
        return Map.copyOf(tags);
    }

    /** Micro-averaged F1 over all families. */
    public double microF1() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (FamilyScore s : families.values()) {
            tp += s.truePositives();
            fp += s.falsePositives();
            fn += s.falseNegatives();
        }
        return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Each missed or extra tag with its utterance, for tuning. */
    public List<String> misses() {
        return List.copyOf(misses);
    }

    /** A plain-text table: family, TP, FP, FN, precision, recall; then micro-F1. */
    public String table() {
        return table("family", families);
    }

    /** The same table per tag, then per family and micro-F1. */
    public String tagTable() {
        String perTag = table("tag", tags);
        return perTag.substring(0, perTag.lastIndexOf("micro-F1")) + "\n" + table();
    }

    private String table(String heading, Map<String, FamilyScore> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %4s %4s %4s %6s %6s%n",
                heading, "tp", "fp", "fn", "P", "R"));
        rows.forEach((name, s) -> out.append(String.format(Locale.ROOT, "%-22s %4d %4d %4d %6.2f %6.2f%n",
                name, s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall())));
        return out.append(String.format(Locale.ROOT, "micro-F1 %.3f%n", microF1())).toString();
    }
}
