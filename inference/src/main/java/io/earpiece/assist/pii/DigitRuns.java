package io.earpiece.assist.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds runs of digits in text, whether written ("555-212-4478") or spoken digit by digit
 * ("eight oh one, nine nine two"), because speech recognisers produce both.
 */
public final class DigitRuns {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+|\\d+|[^\\sA-Za-z\\d]");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("oh", "0"), Map.entry("o", "0"), Map.entry("one", "1"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"));
    private static final List<String> SEPARATORS = List.of(",", "-", ".", "(", ")", "+", "/", "dash", "hyphen");

    private DigitRuns() {
    }

    public static List<DigitRun> find(String text) {
        List<DigitRun> runs = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        StringBuilder digits = new StringBuilder();
        int start = -1;
        int end = -1;
        String repeat = null;
        while (m.find()) {
            String token = m.group().toLowerCase(Locale.ROOT);
            String value = token.chars().allMatch(Character::isDigit) ? token : WORDS.get(token);
            if (value != null && !(token.equals("o") || token.equals("oh")) || value != null && start >= 0) {
                if (start < 0) {
                    start = m.start();
                }
                digits.append(repeat == null ? value : value.repeat(repeat.equals("double") ? 2 : 3));
                repeat = null;
                end = m.end();
            } else if (token.equals("double") || token.equals("triple")) {
                repeat = token;
                if (start < 0) {
                    start = m.start();
                }
            } else if (start >= 0 && SEPARATORS.contains(token)) {
                continue;
            } else {
                flush(runs, digits, start, end);
                digits.setLength(0);
                start = -1;
                repeat = null;
            }
        }
        flush(runs, digits, start, end);
        return runs;
    }

    private static void flush(List<DigitRun> runs, StringBuilder digits, int start, int end) {
        if (digits.length() > 0) {
            runs.add(new DigitRun(digits.toString(), start, end));
        }
    }
}
