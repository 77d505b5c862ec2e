package io.earpiece.sip.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client side of digest authentication: answers a challenge with credentials, counting uses of each
 * nonce so that later requests can reuse it with a rising nonce-count.
 */
public final class DigestClient {
    private final String username;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public DigestClient(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** Credentials header value answering {@code challenge} for a request with this method and Request-URI. */
    public String authorize(DigestChallenge challenge, String method, String uri) {
        String ha1 = DigestMath.ha1(challenge.algorithm(), username, challenge.realm(), password);
        if (challenge.qop() == null) {
            String response = DigestMath.responseWithoutQop(challenge.algorithm(), ha1, challenge.nonce(), method, uri);
            return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, response,
                    challenge.algorithm(), null, null, null, challenge.opaque()).toHeaderValue();
        }
        int count = counts.merge(challenge.nonce(), 1, Integer::sum);
        String nc = String.format("%08x", count);
        byte[] c = new byte[8];
        random.nextBytes(c);
        String cnonce = HexFormat.of().formatHex(c);
        String response = DigestMath.response(challenge.algorithm(), ha1, challenge.nonce(), nc, cnonce, "auth",
                method, uri);
        return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, response,
                challenge.algorithm(), cnonce, "auth", nc, challenge.opaque()).toHeaderValue();
    }

    /** Forgets nonce-counts, e.g. after a fresh challenge replaced the nonce. */
    public void forget(String nonce) {
        counts.remove(nonce);
    }

    public String username() {
        return username;
    }
}
