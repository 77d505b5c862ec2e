package io.earpiece.sip.auth;

/** The RFC 2617/7616 digest computations for qop=auth, as pure functions of strings. */
public final class DigestMath {
    private DigestMath() {
    }

    /** HA1 = H(username:realm:password), what a {@link CredentialStore} keeps instead of the password. */
    public static String ha1(DigestAlgorithm alg, String username, String realm, String password) {
        return alg.hex(username + ":" + realm + ":" + password);
    }

    /** The request-digest for qop=auth: H(HA1:nonce:nc:cnonce:qop:H(method:uri)). */
    public static String response(DigestAlgorithm alg, String ha1, String nonce, String nc, String cnonce,
                                  String qop, String method, String uri) {
        String ha2 = alg.hex(method + ":" + uri);
        return alg.hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** The RFC 2069 request-digest, used only when a challenger offers no qop. */
    public static String responseWithoutQop(DigestAlgorithm alg, String ha1, String nonce, String method, String uri) {
        return alg.hex(ha1 + ":" + nonce + ":" + alg.hex(method + ":" + uri));
    }
}
