package io.earpiece.assist.intent;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which utterances are embedded, for training and for live text alike: lower case, no punctuation,
 * no hesitation fillers. Speech recognisers differ in exactly these respects, so removing them on both sides
 * keeps a model trained on written examples from depending on them.
 */
public final class SpokenText {
    private static final Pattern FILLERS = Pattern.compile("\\b(um+|uh+|erm+|er|hmm+|mm+|ah)\\b");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}' ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SpokenText() {
    }

    public static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String bare = PUNCTUATION.matcher(lower).replaceAll(" ");
        return SPACES.matcher(FILLERS.matcher(bare).replaceAll(" ")).replaceAll(" ").strip();
    }
}
