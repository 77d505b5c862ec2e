package io.earpiece.stt.streaming;

import java.util.List;
import java.util.Locale;

/** Splitting recognised text into words and comparing words the way a reader would. */
final class Words {

    private Words() {
    }

    static List<String> split(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    static String join(List<String> words) {
        return String.join(" ", words);
    }

    /** Case and punctuation do not make two words differ: decodes often revise only those. */
    static String key(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
