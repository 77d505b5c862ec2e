package io.earpiece.sip.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The server side of SIP digest authentication (RFC 2617, RFC 7616, RFC 8760) with qop=auth: builds challenges
 * and verifies credentials against a {@link CredentialStore}. Pure: it neither sends nor parses SIP messages.
 */
public final class DigestAuthenticator {
    private final String realm;
    private final CredentialStore credentials;
    private final NonceManager nonces;
    private final List<DigestAlgorithm> algorithms;

    /** @param algorithms offered in this order; RFC 8760 has servers list SHA-256 before MD5 */
    public DigestAuthenticator(String realm, CredentialStore credentials, NonceManager nonces,
                               List<DigestAlgorithm> algorithms) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one algorithm");
        }
        this.realm = realm;
        this.credentials = credentials;
        this.nonces = nonces;
        this.algorithms = List.copyOf(algorithms);
    }

    /** Offers SHA-256 then MD5. */
    public DigestAuthenticator(String realm, CredentialStore credentials, NonceManager nonces) {
        this(realm, credentials, nonces, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    public String realm() {
        return realm;
    }

    /** Challenge header values, one per algorithm, sharing a fresh nonce. */
    public List<String> challenges(boolean stale) {
        String nonce = nonces.issue();
        List<String> out = new ArrayList<>(algorithms.size());
        for (DigestAlgorithm a : algorithms) {
            out.add(new DigestChallenge(realm, nonce, null, a, "auth", stale).toHeaderValue());
        }
        return out;
    }

    /**
     * Verifies the credentials of a request.
     *
     * @param method      the request method, e.g. REGISTER
     * @param headerValue the Authorization/Proxy-Authorization value for our realm, or null when absent
     */
    public AuthOutcome verify(String method, String headerValue) {
        if (headerValue == null) {
            return AuthOutcome.of(AuthOutcome.Kind.CHALLENGE, null, "no credentials");
        }
        if (!isDigest(headerValue)) {
            // RFC 3261 22.4 and RFC 4475 3.3.12: credentials in a scheme we do not know are no credentials at
            // all; the client gets the challenge it can answer rather than a 400.
            return AuthOutcome.of(AuthOutcome.Kind.CHALLENGE, null, "credentials in another scheme than Digest");
        }
        DigestCredentials c;
        try {
            c = DigestCredentials.parse(headerValue);
        } catch (DigestParseException e) {
            return AuthOutcome.of(AuthOutcome.Kind.BAD_REQUEST, null, e.getMessage());
        }
        if (!realm.equals(c.realm())) {
            return AuthOutcome.of(AuthOutcome.Kind.CHALLENGE, c.username(), "credentials for another realm");
        }
        if (!algorithms.contains(c.algorithm())) {
            return AuthOutcome.of(AuthOutcome.Kind.CHALLENGE, c.username(), "algorithm not offered");
        }
        if (!"auth".equalsIgnoreCase(c.qop())) {
            // Without qop there is no nonce-count, so replays could not be told apart.
            return AuthOutcome.of(AuthOutcome.Kind.BAD_REQUEST, c.username(), "qop=auth required");
        }
        List<String> ha1s = credentials.ha1s(c.username(), realm, c.algorithm());
        // Unknown users get the same treatment as wrong passwords so that user names cannot be probed: one
        // computation against an empty secret, and every candidate is tried (no early exit on the first match).
        byte[] given = c.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (String ha1 : ha1s.isEmpty() ? List.of("") : ha1s) {
            String expected = DigestMath.response(c.algorithm(), ha1, c.nonce(), c.nc(), c.cnonce(),
                    "auth", method, c.uri());
            matches |= !ha1s.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given);
        }
        if (!matches) {
            return AuthOutcome.of(AuthOutcome.Kind.FORBIDDEN, c.username(), "bad credentials");
        }
        return switch (nonces.use(c.nonce(), c.nc())) {
            case FRESH -> AuthOutcome.of(AuthOutcome.Kind.ACCEPTED, c.username(), "ok");
            case STALE -> AuthOutcome.of(AuthOutcome.Kind.STALE, c.username(), "nonce expired");
            case REPLAYED -> AuthOutcome.of(AuthOutcome.Kind.FORBIDDEN, c.username(), "nonce-count replayed");
            case FORGED -> AuthOutcome.of(AuthOutcome.Kind.FORBIDDEN, c.username(), "nonce not issued here");
        };
    }

    /** Whether the credentials' auth-scheme (their first token) is Digest, which is case-insensitive. */
    static boolean isDigest(String headerValue) {
        String v = headerValue.stripLeading();
        int end = 0;
        while (end < v.length() && !Character.isWhitespace(v.charAt(end))) {
            end++;
        }
        return end == "Digest".length() && v.regionMatches(true, 0, "Digest", 0, end);
    }
}
