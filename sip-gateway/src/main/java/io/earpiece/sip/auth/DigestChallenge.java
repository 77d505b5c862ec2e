package io.earpiece.sip.auth;

import java.util.Map;

/**
 * One {@code Digest} challenge as carried in WWW-Authenticate or Proxy-Authenticate.
 *
 * @param qop    "auth", or null when the challenger offers none (RFC 2069 style)
 * @param opaque null when absent
 */
public record DigestChallenge(String realm, String nonce, String opaque, DigestAlgorithm algorithm, String qop,
                             boolean stale) {

    /** The header value, starting with {@code Digest}. */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder("Digest realm=").append(DigestParams.quote(realm))
                .append(", nonce=").append(DigestParams.quote(nonce));
        if (opaque != null) {
            b.append(", opaque=").append(DigestParams.quote(opaque));
        }
        b.append(", algorithm=").append(algorithm.token());
        if (qop != null) {
            b.append(", qop=").append(DigestParams.quote(qop));
        }
        if (stale) {
            b.append(", stale=true");
        }
        return b.toString();
    }

    /** Parses a challenge header value; an unknown algorithm is an error so the caller can try the next one. */
    public static DigestChallenge parse(String value) throws DigestParseException {
        Map<String, String> p = DigestParams.parse(value);
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        if (realm == null || nonce == null) {
            throw new DigestParseException("challenge lacks realm or nonce");
        }
        DigestAlgorithm alg = DigestAlgorithm.fromToken(p.get("algorithm"))
                .orElseThrow(() -> new DigestParseException("unsupported algorithm " + p.get("algorithm")));
        String qop = null;
        String offered = p.get("qop");
        if (offered != null) {
            for (String q : offered.split(",")) {
                if (q.trim().equalsIgnoreCase("auth")) {
                    qop = "auth";
                }
            }
            if (qop == null) {
                throw new DigestParseException("no supported qop in " + offered);
            }
        }
        return new DigestChallenge(realm, nonce, p.get("opaque"), alg, qop,
                "true".equalsIgnoreCase(p.get("stale")));
    }
}
