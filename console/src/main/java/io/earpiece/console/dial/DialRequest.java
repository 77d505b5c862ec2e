package io.earpiece.console.dial;

import java.util.regex.Pattern;

/**
 * {@code POST /api/calls/dial}: a bridge's dial-in number, the meeting PIN, how long to wait for the bridge's prompt,
 * whose call it is and a title.
 *
 * @param number   the dial-in number; spaces, dashes, dots and brackets are ignored ({@code +1 (555) 010-2000})
 * @param pin      the meeting PIN (digits and {@code *}; a trailing {@code #} may be given, one is sent anyway);
 *                 empty or null: the bridge needs none and Earpiece joins at the answer
 * @param pinDelay the longest wait in milliseconds for the bridge's prompt to end before the PIN goes anyway
 *                 (0-120000; null: {@code earpiece.dial.max-prompt-wait})
 * @param rep      the user whose call it is (null: the caller; only admins may name someone else)
 * @param title    what the meeting is, up to 64 characters (stored as the call's {@code dial} event)
 */
public record DialRequest(String number, String pin, Integer pinDelay, String rep, String title) {

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,31}");
    private static final Pattern PIN = Pattern.compile("[0-9*]{0,32}");
    public static final int MAX_PIN_DELAY_MS = 120_000;
    public static final int MAX_TITLE = 64;

    /** A request that passed {@link #validate()}: the number and PIN as they will be dialled. */
    public record Valid(String number, String pin, Integer pinDelayMs, String rep, String title) {
    }

    /** Checks every field; the exception's message names the field and what is wrong with it. */
    public Valid validate() throws InvalidDialException {
        if (number == null || number.isBlank()) {
            throw new InvalidDialException("number is required");
        }
        String n = number.replaceAll("[\\s\\-.()]", "");
        if (n.length() > 32 || !NUMBER.matcher(n).matches()) {
            throw new InvalidDialException("number must be digits with an optional leading + (1-31 digits), not '"
                    + printable(number) + "'");
        }
        String p = pin == null ? "" : pin.strip();
        if (p.endsWith("#")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.length() > 32 || !PIN.matcher(p).matches()) {
            throw new InvalidDialException("pin must be up to 32 digits or *, optionally ending in #");
        }
        if (pinDelay != null && (pinDelay < 0 || pinDelay > MAX_PIN_DELAY_MS)) {
            throw new InvalidDialException("pinDelay must be 0-" + MAX_PIN_DELAY_MS + " ms, not " + pinDelay);
        }
        String t = title == null ? null : title.strip();
        if (t != null && (t.length() > MAX_TITLE || t.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidDialException("title must be at most " + MAX_TITLE + " characters without control characters");
        }
        String r = rep == null || rep.isBlank() ? null : rep.strip();
        return new Valid(n, p, pinDelay, r, t == null || t.isEmpty() ? null : t);
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** A dial request with a field that cannot be used. */
    public static final class InvalidDialException extends Exception {
        public InvalidDialException(String message) {
            super(message);
        }
    }
}
