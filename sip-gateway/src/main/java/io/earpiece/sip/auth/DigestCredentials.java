package io.earpiece.sip.auth;

import java.util.Map;

/**
 * The {@code Digest} credentials of an Authorization or Proxy-Authorization header.
 *
 * @param qop    null when the client sent none
 * @param nc     the nonce-count as sent (8 hex digits), null without qop
 * @param opaque null when absent
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                DigestAlgorithm algorithm, String cnonce, String qop, String nc, String opaque) {

    /** Parses a credentials header value. */
    public static DigestCredentials parse(String value) throws DigestParseException {
        Map<String, String> p = DigestParams.parse(value);
        for (String required : new String[] {"username", "realm", "nonce", "uri", "response"}) {
            if (p.get(required) == null) {
                throw new DigestParseException("credentials lack " + required);
            }
        }
        DigestAlgorithm alg = DigestAlgorithm.fromToken(p.get("algorithm"))
                .orElseThrow(() -> new DigestParseException("unsupported algorithm " + p.get("algorithm")));
        String qop = p.get("qop");
        if (qop != null && (p.get("nc") == null || p.get("cnonce") == null)) {
            throw new DigestParseException("qop without nc or cnonce");
        }
        return new DigestCredentials(p.get("username"), p.get("realm"), p.get("nonce"), p.get("uri"),
                p.get("response"), alg, p.get("cnonce"), qop, p.get("nc"), p.get("opaque"));
    }

    /** The header value, starting with {@code Digest}. */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder("Digest username=").append(DigestParams.quote(username))
                .append(", realm=").append(DigestParams.quote(realm))
                .append(", nonce=").append(DigestParams.quote(nonce))
                .append(", uri=").append(DigestParams.quote(uri))
                .append(", response=").append(DigestParams.quote(response))
                .append(", algorithm=").append(algorithm.token());
        if (qop != null) {
            b.append(", qop=").append(qop).append(", nc=").append(nc)
                    .append(", cnonce=").append(DigestParams.quote(cnonce));
        }
        if (opaque != null) {
            b.append(", opaque=").append(DigestParams.quote(opaque));
        }
        return b.toString();
    }
}
