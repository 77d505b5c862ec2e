package io.earpiece.console.analytics;

import io.earpiece.db.user.CallOwnership;
import io.earpiece.db.user.UserEntity;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@link CallOwnership}'s rule for one user, on a call's URIs in memory: an uploaded call ({@code sip:USER@upload})
 * is its uploader's; any other is the user's when the user part of its From or To ({@code sip:}, {@code sips:},
 * {@code tel:}) is the user's SIP user (or username) or extension. The SQL form selects the calls; this one says
 * which of the users in scope each belongs to.
 */
final class CallOwnerMatch {

    private final String username;
    private final String uploaderUri;
    private final Set<String> identities = new HashSet<>();

    CallOwnerMatch(UserEntity user) {
        this.username = user.getUsername();
        this.uploaderUri = CallOwnership.uploaderUri(lower(user.getUsername()));
        String sip = user.getSipUser();
        identities.add(lower(sip == null || sip.isBlank() ? user.getUsername() : sip));
        if (user.getExtension() != null && !user.getExtension().isBlank()) {
            identities.add(lower(user.getExtension()));
        }
    }

    String username() {
        return username;
    }

    boolean owns(String fromUri, String toUri) {
        String from = fromUri == null ? "" : fromUri.toLowerCase(Locale.ROOT);
        if (from.endsWith("@" + CallOwnership.UPLOAD_HOST) || from.equals(CallOwnership.UPLOAD_HOST)) {
            return from.equals(uploaderUri);
        }
        return identities.contains(userPart(from)) || identities.contains(userPart(toUri));
    }

    /** The user part of a sip:, sips: or tel: URI, or null. */
    static String userPart(String uri) {
        if (uri == null) {
            return null;
        }
        String u = uri.toLowerCase(Locale.ROOT);
        if (u.startsWith("sip:") || u.startsWith("sips:")) {
            int at = u.indexOf('@');
            return at < 0 ? null : u.substring(u.indexOf(':') + 1, at);
        }
        if (u.startsWith("tel:")) {
            int semi = u.indexOf(';');
            return u.substring(4, semi < 0 ? u.length() : semi);
        }
        return null;
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
