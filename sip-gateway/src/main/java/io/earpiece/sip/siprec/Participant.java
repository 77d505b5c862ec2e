package io.earpiece.sip.siprec;

import java.util.List;
import java.util.Locale;

/**
 * A participant of the recorded call as the metadata names it.
 *
 * @param id     the metadata's participant id
 * @param name   display name, or null
 * @param aor    address of record as written (with or without a scheme), or null
 * @param role   caller or callee where a vendor extension says so
 * @param sends  ids of the streams this participant sends (may point to no stream)
 */
public record Participant(String id, String name, String aor, CallRole role, List<String> sends) {

    public Participant {
        sends = List.copyOf(sends);
    }

    /** The user part of the AoR without scheme, parameters or host ("3478", "+18888888888"), or null. */
    public String user() {
        return userOf(aor);
    }

    /** The telephone number in the AoR (digits, a leading + kept), or null when the user part is not one. */
    public String number() {
        return numberOf(user());
    }

    Participant withRole(CallRole r) {
        return new Participant(id, name, aor, r, sends);
    }

    Participant withSends(List<String> s) {
        return new Participant(id, name, aor, role, s);
    }

    /** The user part of a SIP/tel URI or a bare {@code user@host}; the host when there is no user part. */
    static String userOf(String uri) {
        if (uri == null) {
            return null;
        }
        String s = uri.trim();
        int lt = s.indexOf('<');
        if (lt >= 0) {
            int gt = s.indexOf('>', lt);
            s = gt > lt ? s.substring(lt + 1, gt) : s.substring(lt + 1);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        for (String scheme : List.of("sips:", "sip:", "tel:")) {
            if (lower.startsWith(scheme)) {
                s = s.substring(scheme.length());
                break;
            }
        }
        int at = s.indexOf('@');
        if (at < 0 && s.indexOf('.') >= 0) {
            return null; // sip:10.0.0.1 names a host, not a user
        }
        String user = at >= 0 ? s.substring(0, at) : s;
        int semi = user.indexOf(';');
        if (semi >= 0) {
            user = user.substring(0, semi);
        }
        int colon = at < 0 ? user.indexOf(':') : -1;
        if (colon >= 0) {
            user = user.substring(0, colon); // a bare host:port
        }
        user = user.trim();
        return user.isEmpty() ? null : user;
    }

    /** Digits of a phone-number-like user part (visual separators dropped, a leading + kept), or null. */
    static String numberOf(String user) {
        if (user == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (c == '+' && b.isEmpty() && i == 0) {
                b.append(c);
            } else if (c != '-' && c != '.' && c != '(' && c != ')' && c != ' ') {
                return null;
            }
        }
        int digits = b.length() - (b.length() > 0 && b.charAt(0) == '+' ? 1 : 0);
        return digits == 0 ? null : b.toString();
    }

    /**
     * Whether two numbers name the same line: equal digits, or one ends with the other where the shorter has at
     * least 7 digits (a national number against its E.164 form).
     */
    static boolean sameNumber(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = a.replace("+", "");
        String y = b.replace("+", "");
        if (x.equals(y)) {
            return true;
        }
        String shorter = x.length() < y.length() ? x : y;
        String longer = shorter == x ? y : x;
        return shorter.length() >= 7 && longer.endsWith(shorter);
    }
}
