package io.earpiece.sip.auth;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code Digest} credentials of an Authorization or Proxy-Authorization header.
 *
 * @param qop    null when the client sent none
 * @param nc     the nonce-count as sent (8 hex digits), null without qop
 * @param opaque null when absent
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                DigestAlgorithm algorithm, String cnonce, String qop, String nc, String opaque) {

    private static final Pattern QOP = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern NONCE_COUNT = Pattern.compile("[0-9A-Fa-f]{8}");

    /**
     * Parses a credentials header value. Without qop, cnonce and nc mean nothing (RFC 7616 3.4) and are dropped,
     * so that what was parsed is what {@link #toHeaderValue()} writes back; with it, qop must be a token and nc
     * eight hex digits (RFC 7616 3.4), or the value is refused.
     */
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
        String nc = null;
        String cnonce = null;
        if (qop != null) {
            nc = p.get("nc");
            cnonce = p.get("cnonce");
            if (nc == null || cnonce == null) {
                throw new DigestParseException("qop without nc or cnonce");
            }
            if (!QOP.matcher(qop).matches()) {
                throw new DigestParseException("qop is not a token");
            }
            if (!NONCE_COUNT.matcher(nc).matches()) {
                throw new DigestParseException("nc is not 8 hex digits");
            }
        }
        return new DigestCredentials(p.get("username"), p.get("realm"), p.get("nonce"), p.get("uri"),
                p.get("response"), alg, cnonce, qop, nc, p.get("opaque"));
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
