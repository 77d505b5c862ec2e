package io.earpiece.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One utterance as the name finder reads it: lower-case words without their punctuation, filler sounds dropped,
 * each word knowing whether punctuation closed a clause after it. ASR text may have no punctuation and no
 * capitals at all, so nothing below relies on either; punctuation, where there is some, only adds evidence.
 */
final class CallWords {

    /**
     * A word, whether a comma, full stop, question mark or the like followed it, and whether it was written with a
     * capital.
     */
    record Word(String text, boolean clauseEnd, boolean capital) {
    }

    /** Hesitation sounds ASR writes out; they sit between any two words ("this is um Sam"). */
    private static final Set<String> FILLERS = Set.of("um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm",
            "mm", "mhm", "eh");

    /** Contractions ASR writes without the apostrophe, where the bare form is no other word. */
    private static final java.util.Map<String, String> APOSTROPHES = java.util.Map.of("im", "i'm", "youre", "you're");

    private CallWords() {
    }

    static List<Word> of(String text) {
        List<Word> out = new ArrayList<>();
        for (String raw : text.replace('\u2019', '\'').split("\\s+")) {
            int start = 0;
            int end = raw.length();
            while (start < end && !Character.isLetterOrDigit(raw.charAt(start))) {
                start++;
            }
            while (end > start && !Character.isLetterOrDigit(raw.charAt(end - 1))) {
                end--;
            }
            String tail = raw.substring(end);
            boolean closes = tail.chars().anyMatch(c -> ",.!?;:".indexOf(c) >= 0) || tail.contains("-");
            String word = raw.substring(start, end).toLowerCase(Locale.ROOT);
            if (word.isEmpty() || FILLERS.contains(word)) {
                // a lone dash or ellipsis, or a filler followed by a comma, closes the clause before it
                if (closes && !out.isEmpty()) {
                    Word last = out.remove(out.size() - 1);
                    out.add(new Word(last.text(), true, last.capital()));
                }
                continue;
            }
            out.add(new Word(APOSTROPHES.getOrDefault(word, word), closes, Character.isUpperCase(raw.charAt(start))));
        }
        return out;
    }

    /**
     * Whether the words were written in sentence case (some with a capital, some without), as Whisper writes: a
     * name is then capitalised, so an uncapitalised word is none. Lower-case or all-capital text says nothing.
     */
    static boolean cased(List<Word> words) {
        return words.stream().anyMatch(Word::capital) && words.stream().anyMatch(w -> !w.capital());
    }
}
