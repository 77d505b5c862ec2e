package io.earpiece.sip.trunk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which trunks a number goes out through, in the order they are tried: each trunk carries number patterns (none: it
 * takes every number) and a priority. The trunks whose pattern matches are tried by priority (lowest first), then
 * by the longer matching pattern (the more specific route), then in the order given (creation). A trunk that fails
 * as a server (see {@link #failsOver}) hands the call to the next; the callee's own answers are final.
 */
public final class OutboundRouting {

    /** A pattern: a number prefix of digits, {@code +}, {@code *}, {@code #}, where {@code X} stands for any digit. */
    private static final Pattern VALID = Pattern.compile("[+0-9X*#]{1,32}");

    /**
     * One trunk with its routing.
     *
     * @param patterns number prefixes this trunk takes ({@code X}: any digit); empty: every number
     * @param priority lower is tried first
     */
    public record RoutedTrunk(TrunkConfig trunk, List<String> patterns, int priority) {
        public RoutedTrunk {
            patterns = List.copyOf(patterns);
            for (String p : patterns) {
                checkPattern(p);
            }
        }
    }

    private OutboundRouting() {
    }

    /** Refuses a pattern that is not a prefix of digits, +, *, # and X, quoting it. */
    public static String checkPattern(String pattern) {
        if (pattern == null || !VALID.matcher(pattern).matches()) {
            throw new TrunkConfigException("routePatterns", "route pattern '" + pattern
                    + "' must be 1-32 of digits, +, *, # and X (any digit), matched as a number's prefix");
        }
        return pattern;
    }

    /** The trunks that take {@code number}, in the order to try them. */
    public static List<TrunkConfig> route(List<RoutedTrunk> trunksInCreationOrder, String number) {
        record Match(TrunkConfig trunk, int priority, int length, int order) {
        }
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < trunksInCreationOrder.size(); i++) {
            RoutedTrunk t = trunksInCreationOrder.get(i);
            int best = t.patterns().isEmpty() ? 0 : -1;
            for (String p : t.patterns()) {
                if (matches(p, number)) {
                    best = Math.max(best, p.length());
                }
            }
            if (best >= 0) {
                matches.add(new Match(t.trunk(), t.priority(), best, i));
            }
        }
        matches.sort(Comparator.comparingInt(Match::priority).thenComparing(Comparator.comparingInt(Match::length)
                .reversed()).thenComparingInt(Match::order));
        return matches.stream().map(Match::trunk).toList();
    }

    /**
     * Whether a call refused with {@code status} goes on to the next trunk: a server's failure (5xx, 503 included)
     * or no answer from the trunk (408); the callee's answers (4xx busy, declined, not found; 6xx) are final.
     */
    public static boolean failsOver(int status) {
        return status == 408 || status >= 500 && status < 600;
    }

    private static boolean matches(String pattern, String number) {
        if (number == null || number.length() < pattern.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            char n = number.charAt(i);
            if (p == 'X' ? !Character.isDigit(n) : p != n) {
                return false;
            }
        }
        return true;
    }
}
