package io.earpiece.stt.streaming;

import java.util.ArrayList;
import java.util.List;

/**
 * The stable-prefix rule over successive decodes of one growing utterance (LocalAgreement-2): a word becomes
 * committed once two consecutive decodes agree on it and on everything before it. Committed words are never
 * taken back; each later hypothesis is aligned to them and only its part after them is used. Not thread-safe.
 */
final class LocalAgreement {

    private final List<String> committed = new ArrayList<>();
    /** The previous hypothesis' words after the committed ones. */
    private List<String> previousTail = List.of();

    /** Takes a decode of the audio so far and returns the partial: committed words then the unstable tail. */
    List<String> update(List<String> hypothesis) {
        List<String> tail = tailAfterCommitted(hypothesis);
        int agreed = 0;
        while (agreed < tail.size() && agreed < previousTail.size()
                && Words.same(tail.get(agreed), previousTail.get(agreed))) {
            agreed++;
        }
        committed.addAll(tail.subList(0, agreed));
        previousTail = List.copyOf(tail.subList(agreed, tail.size()));
        List<String> partial = new ArrayList<>(committed);
        partial.addAll(previousTail);
        return partial;
    }

    /** The final words: the committed ones, then what the final decode has after them. */
    List<String> finish(List<String> hypothesis) {
        List<String> out = new ArrayList<>(committed);
        out.addAll(tailAfterCommitted(hypothesis));
        return out;
    }

    int committedCount() {
        return committed.size();
    }

    List<String> committed() {
        return List.copyOf(committed);
    }

    /**
     * The words of {@code hypothesis} after the point that best matches the committed words: the longest of its
     * prefixes at the least word edit distance from them. A decode that revised a committed word thus neither
     * repeats it nor shifts the words after it.
     */
    private List<String> tailAfterCommitted(List<String> hypothesis) {
        int c = committed.size();
        if (c == 0) {
            return hypothesis;
        }
        int h = hypothesis.size();
        // row[j] = edit distance between the committed words seen so far and hypothesis[0..j)
        int[] row = new int[h + 1];
        for (int j = 0; j <= h; j++) {
            row[j] = j;
        }
        for (int i = 1; i <= c; i++) {
            int[] next = new int[h + 1];
            next[0] = i;
            for (int j = 1; j <= h; j++) {
                int substitute = row[j - 1] + (Words.same(committed.get(i - 1), hypothesis.get(j - 1)) ? 0 : 1);
                next[j] = Math.min(substitute, Math.min(row[j] + 1, next[j - 1] + 1));
            }
            row = next;
        }
        int best = 0;
        for (int j = 1; j <= h; j++) {
            if (row[j] <= row[best]) {
                best = j;
            }
        }
        return hypothesis.subList(best, h);
    }
}
