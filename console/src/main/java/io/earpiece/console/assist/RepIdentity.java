package io.earpiece.console.assist;

import java.util.Locale;
import java.util.Optional;

/**
 * How a call names its rep: the user part of its From or To URI is a user's SIP user (their username when none
 * is set) or extension, the same rule call access uses ({@code CallOwners}).
 */
public final class RepIdentity {

    private RepIdentity() {
    }

    /** The user part of {@code sip:u@host}, {@code sips:u@host}, {@code tel:u} or {@code tel:u;params}, lower case. */
    public static Optional<String> userPart(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String u = uri.strip();
        String lowered = u.toLowerCase(Locale.ROOT);
        String rest;
        if (lowered.startsWith("sip:")) {
            rest = u.substring(4);
        } else if (lowered.startsWith("sips:")) {
            rest = u.substring(5);
        } else if (lowered.startsWith("tel:")) {
            int semi = u.indexOf(';');
            String number = u.substring(4, semi < 0 ? u.length() : semi);
            return number.isBlank() ? Optional.empty() : Optional.of(lower(number));
        } else {
            return Optional.empty();
        }
        int at = rest.indexOf('@');
        return at <= 0 ? Optional.empty() : Optional.of(lower(rest.substring(0, at)));
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
