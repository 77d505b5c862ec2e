package io.earpiece.sip.sdp;

import java.util.Optional;

/**
 * The SDES crypto suites Earpiece's media server speaks and the length of their inline key||salt. The media server
 * has the same names ({@code io.earpiece.media.srtp.SrtpSuite}); the gateway only needs them to negotiate.
 */
public enum CryptoSuite {
    AES_CM_128_HMAC_SHA1_80(30),
    AES_CM_128_HMAC_SHA1_32(30),
    AEAD_AES_128_GCM(28);

    private final int keySaltLength;

    CryptoSuite(int keySaltLength) {
        this.keySaltLength = keySaltLength;
    }

    /** Bytes of master key and salt together in an {@code inline:} parameter. */
    public int keySaltLength() {
        return keySaltLength;
    }

    /** The suite with this registered name (case-sensitive as in RFC 4568), if supported. */
    public static Optional<CryptoSuite> forName(String name) {
        for (CryptoSuite s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
