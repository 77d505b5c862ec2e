package io.earpiece.stt;

import java.util.List;
import java.util.Objects;

/**
 * A stretch of one party's speech and its text.
 *
 * @param index       0-based order of the segment within the party's stream
 * @param startMs     media time the speech started
 * @param endMs       media time the speech ended
 * @param text        the words, separated by single spaces; empty when nothing was recognised
 * @param isFinal     false for a partial hypothesis that a later segment with the same index replaces
 * @param stableWords how many leading words of {@code text} are committed: every later partial and the final of
 *                    this index start with them (all words of a final)
 * @param words       per-word timings, in order; empty when the producer gives none
 */
public record TranscriptSegment(String callId, String party, int index, long startMs, long endMs, String text,
                                boolean isFinal, int stableWords, List<WordTiming> words) {

    public TranscriptSegment {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        if (stableWords < 0) {
            throw new IllegalArgumentException("stableWords must not be negative: " + stableWords);
        }
    }

    /** A segment without word timings; a final one counts all its words as stable. */
    public TranscriptSegment(String callId, String party, int index, long startMs, long endMs, String text,
                             boolean isFinal) {
        this(callId, party, index, startMs, endMs, text, isFinal, isFinal ? wordCount(text) : 0, List.of());
    }

    /** The committed words: the first {@code stableWords} of the text, which no later segment of this index changes. */
    public String committedText() {
        String t = text.strip();
        if (t.isEmpty() || stableWords == 0) {
            return "";
        }
        String[] all = t.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(all, Math.min(stableWords, all.length)));
    }

    /** How many words {@link #committedText()} has. */
    public int committedWords() {
        return Math.min(stableWords, wordCount(text));
    }

    private static int wordCount(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
