package io.earpiece.sip.auth;

/**
 * The verdict on a request's digest credentials, with the SIP status a server should answer when not accepted.
 *
 * @param username the authenticated user when {@link Kind#ACCEPTED}, else the claimed user or null
 * @param reason   a short human reason, for logs and reason phrases
 */
public record AuthOutcome(Kind kind, String username, String reason) {
    /** What to do with the request. */
    public enum Kind {
        /** The credentials are good; process the request. */
        ACCEPTED,
        /** No usable credentials: answer 401/407 with a fresh challenge. */
        CHALLENGE,
        /** Good credentials on an expired nonce: answer 401/407 with stale=true. */
        STALE,
        /** Wrong password, unknown user, replayed nonce-count or forged nonce: answer 403. */
        FORBIDDEN,
        /** Malformed credentials: answer 400. */
        BAD_REQUEST
    }

    static AuthOutcome of(Kind kind, String username, String reason) {
        return new AuthOutcome(kind, username, reason);
    }

    /** The SIP status for a non-accepted outcome; {@code challengeStatus} is 401 for a UAS/registrar, 407 for a proxy. */
    public int status(int challengeStatus) {
        return switch (kind) {
            case ACCEPTED -> 200;
            case CHALLENGE, STALE -> challengeStatus;
            case FORBIDDEN -> 403;
            case BAD_REQUEST -> 400;
        };
    }
}
