package io.earpiece.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lower-case word tokens of spoken text, apostrophes kept ("don't"). */
final class Words {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private Words() {
    }

    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The tokens joined by single spaces, padded so that " phrase " lookups match whole words only. */
    static String padded(String text) {
        return " " + String.join(" ", of(text)) + " ";
    }
}
