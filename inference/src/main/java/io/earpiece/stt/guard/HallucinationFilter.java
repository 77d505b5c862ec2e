package io.earpiece.stt.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what Whisper is known to write when there is no speech to write: sound annotations ({@code [BLANK_AUDIO]},
 * {@code (music)}), subtitle credits and video sign-offs learnt from its training data, and decoding loops (the
 * same one to four words over and over).
 */
public final class HallucinationFilter {

    private static final Pattern ANNOTATION = Pattern.compile("\\[[^\\]]*\\]|\\([^)]*\\)|\\*[^*]*\\*|[♪♫]+");
    /** Whole outputs that come from subtitles and videos, not from a phone call. */
    private static final Set<String> SIGN_OFFS = Set.of(
            "you", "thanks for watching", "thank you for watching", "thank you so much for watching",
            "thanks for watching and see you next time", "please subscribe", "like and subscribe",
            "subscribe to my channel", "dont forget to subscribe", "see you in the next video",
            "subtitles by the amaraorg community", "transcription by castingwords", "subtitles by", "translated by");
    private static final Pattern CREDIT = Pattern.compile("(?i).*\\b(amara\\.org|subtitles by|captions by)\\b.*");
    /** A phrase repeated more often than people repeat themselves. */
    private static final int MAX_REPEATS = 3;
    private static final int MAX_PHRASE_WORDS = 4;

    /** The text without hallucinated parts; empty when nothing real is left. */
    public String clean(String text) {
        if (text == null) {
            return "";
        }
        String t = ANNOTATION.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (t.isEmpty() || SIGN_OFFS.contains(key(t)) || CREDIT.matcher(t).matches()) {
            return "";
        }
        List<String> words = collapseLoops(List.of(t.split(" ")));
        return String.join(" ", words);
    }

    /** Keeps one copy of any run of more than {@code MAX_REPEATS} back-to-back repeats of a 1-4 word phrase. */
    static List<String> collapseLoops(List<String> words) {
        List<String> out = new ArrayList<>(words);
        for (int n = 1; n <= MAX_PHRASE_WORDS; n++) {
            int i = 0;
            while (i + n <= out.size()) {
                int repeats = 1;
                while (i + (repeats + 1) * n <= out.size() && samePhrase(out, i, i + repeats * n, n)) {
                    repeats++;
                }
                if (repeats > MAX_REPEATS) {
                    out.subList(i + n, i + repeats * n).clear();
                }
                i++;
            }
        }
        return out;
    }

    private static boolean samePhrase(List<String> words, int a, int b, int n) {
        for (int k = 0; k < n; k++) {
            if (!key(words.get(a + k)).equals(key(words.get(b + k)))) {
                return false;
            }
        }
        return true;
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").strip();
    }
}
