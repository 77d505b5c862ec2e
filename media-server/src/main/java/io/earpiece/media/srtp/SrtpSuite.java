package io.earpiece.media.srtp;

import java.util.Optional;

/**
 * The SRTP crypto suites Earpiece speaks, by their SDES names (RFC 4568 section 6.2, RFC 7714 section 12).
 *
 * @param keyLength  master (and session) key bytes
 * @param saltLength master (and session) salt bytes
 * @param tagLength  authentication tag bytes appended to each packet
 * @param aead       AES-GCM (the tag is GCM's own, there is no separate HMAC key)
 */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(16, 14, 10, false),
    AES_CM_128_HMAC_SHA1_32(16, 14, 4, false),
    AEAD_AES_128_GCM(16, 12, 16, true);

    /** HMAC-SHA1 session authentication key bytes (RFC 3711 section 5.2). */
    static final int AUTH_KEY_LENGTH = 20;

    private final int keyLength;
    private final int saltLength;
    private final int tagLength;
    private final boolean aead;

    SrtpSuite(int keyLength, int saltLength, int tagLength, boolean aead) {
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
        this.aead = aead;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    public int tagLength() {
        return tagLength;
    }

    public boolean aead() {
        return aead;
    }

    /** The SDES name, as in {@code a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:...}. */
    public String sdesName() {
        return name();
    }

    /** The suite with this SDES name (case-sensitive, as RFC 4568 registers them), if Earpiece speaks it. */
    public static Optional<SrtpSuite> forSdesName(String name) {
        for (SrtpSuite suite : values()) {
            if (suite.name().equals(name)) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }
}
