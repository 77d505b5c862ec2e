package io.earpiece.assist.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Cuts text into passages of whole sentences of at most a given number of words (a longer sentence stands alone). */
final class PassageSplitter {
    private PassageSplitter() {
    }

    static List<String> split(String text, int maxWords) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String sentence : text.strip().split("(?<=[.!?])\\s+")) {
            int n = sentence.split("\\s+").length;
            if (words > 0 && words + n > maxWords) {
                out.add(current.toString());
                current.setLength(0);
                words = 0;
            }
            if (words > 0) {
                current.append(' ');
            }
            current.append(sentence.strip());
            words += n;
        }
        if (words > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
