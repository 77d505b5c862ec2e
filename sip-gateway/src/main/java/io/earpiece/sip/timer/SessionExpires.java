package io.earpiece.sip.timer;

import java.util.Locale;

/**
 * A {@code Session-Expires} value (RFC 4028 4): delta-seconds and who refreshes.
 *
 * @param seconds   the session interval
 * @param refresher {@code uac}, {@code uas}, or null when the header names none
 */
public record SessionExpires(int seconds, String refresher) {

    /** Longer values are refused rather than overflowed: a day is already far beyond any carrier's interval. */
    private static final int MAX_SECONDS = 86_400;
    private static final int MAX_LENGTH = 200;

    /** Parses {@code "1800;refresher=uac"} (also the compact and spaced forms carriers write). */
    public static SessionExpires parse(String value) throws SessionTimerParseException {
        if (value == null || value.isBlank()) {
            throw new SessionTimerParseException("empty Session-Expires");
        }
        if (value.length() > MAX_LENGTH) {
            throw new SessionTimerParseException("Session-Expires longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = value.split(";");
        int seconds = deltaSeconds(parts[0].trim(), "Session-Expires");
        String refresher = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("refresher")) {
                refresher = p.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
                if (!refresher.equals("uac") && !refresher.equals("uas")) {
                    throw new SessionTimerParseException("refresher must be uac or uas, not '" + refresher + "'");
                }
            }
        }
        return new SessionExpires(seconds, refresher);
    }

    /** Parses a {@code Min-SE} value: delta-seconds, parameters ignored. */
    public static int parseMinSe(String value) throws SessionTimerParseException {
        if (value == null || value.isBlank()) {
            throw new SessionTimerParseException("empty Min-SE");
        }
        if (value.length() > MAX_LENGTH) {
            throw new SessionTimerParseException("Min-SE longer than " + MAX_LENGTH + " characters");
        }
        return deltaSeconds(value.split(";")[0].trim(), "Min-SE");
    }

    private static int deltaSeconds(String s, String header) throws SessionTimerParseException {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            throw new SessionTimerParseException(header + " is not delta-seconds: '" + s + "'");
        }
        long v = Long.parseLong(s);
        if (v < 1 || v > MAX_SECONDS) {
            throw new SessionTimerParseException(header + " out of range (1-" + MAX_SECONDS + " s): " + v);
        }
        return (int) v;
    }

    /** The header value, e.g. {@code 1800;refresher=uac}. */
    public String format() {
        return seconds + (refresher == null ? "" : ";refresher=" + refresher);
    }
}
