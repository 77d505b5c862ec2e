package io.earpiece.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the value of a digest header ({@code Digest k=v, k="quoted", ...}) into lower-cased parameter names
 * mapped to unquoted values.
 */
public final class DigestParams {
    static final int MAX_LENGTH = 4096;
    private static final int MAX_PARAMS = 32;

    private DigestParams() {
    }

    /** The parameters of a {@code Digest} credentials or challenge value. */
    public static Map<String, String> parse(String value) throws DigestParseException {
        if (value == null) {
            throw new DigestParseException("missing value");
        }
        if (value.length() > MAX_LENGTH) {
            throw new DigestParseException("value longer than " + MAX_LENGTH);
        }
        String s = value.trim();
        if (s.length() < 6 || !s.regionMatches(true, 0, "Digest", 0, 6)
                || (s.length() > 6 && !Character.isWhitespace(s.charAt(6)))) {
            throw new DigestParseException("not a Digest scheme");
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 6;
        int n = s.length();
        while (true) {
            while (i < n && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw new DigestParseException("parameter without '=' at " + i);
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw new DigestParseException("bad parameter name at " + i);
            }
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String val;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        b.append(s.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        b.append(c);
                    }
                }
                if (!closed) {
                    throw new DigestParseException("unterminated quoted value for " + name);
                }
                val = b.toString();
            } else {
                int end = i;
                while (end < n && s.charAt(end) != ',' && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                val = s.substring(i, end);
                i = end;
            }
            if (out.putIfAbsent(name, val) != null) {
                throw new DigestParseException("duplicate parameter " + name);
            }
            if (out.size() > MAX_PARAMS) {
                throw new DigestParseException("more than " + MAX_PARAMS + " parameters");
            }
        }
        return out;
    }

    /** Quotes a value for a header, escaping backslash and double quote. */
    static String quote(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
