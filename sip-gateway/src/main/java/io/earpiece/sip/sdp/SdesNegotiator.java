package io.earpiece.sip.sdp;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Answers the SRTP part of an audio offer under a leg's {@link SrtpPolicy} (RFC 4568 section 7.1.2): the first
 * {@code a=crypto} line with a suite and parameters Earpiece can honour is accepted, with a fresh key of Earpiece's
 * own from {@link SecureRandom}. On a re-offer that keeps the peer's key, Earpiece keeps its own, so a hold or a
 * moved address does not re-key; a new peer key gets a new key of Earpiece's too.
 */
public final class SdesNegotiator {

    public static final String AVP = "RTP/AVP";
    public static final String SAVP = "RTP/SAVP";

    private final SecureRandom random;

    public SdesNegotiator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The keys for the offered stream {@code m}, or null for clear RTP.
     *
     * @param current the leg's keys so far (a re-INVITE), or null
     * @throws SdpNotAcceptableException the policy and the offer do not meet (SIP 488)
     */
    public SdesSession negotiate(MediaDescription m, SrtpPolicy policy, SdesSession current)
            throws SdpNotAcceptableException {
        boolean savp = m.protocol().equalsIgnoreCase(SAVP);
        if (policy == SrtpPolicy.OFF) {
            if (savp) {
                throw new SdpNotAcceptableException("SRTP (RTP/SAVP) is off for this leg");
            }
            // Crypto lines on RTP/AVP are a best-effort SRTP offer; declining them means answering without any.
            return null;
        }
        int malformed = 0;
        for (SdpAttribute a : m.attributes()) {
            if (!a.name().equalsIgnoreCase(CryptoAttribute.NAME) || a.value() == null) {
                continue;
            }
            CryptoAttribute offered;
            try {
                offered = CryptoAttribute.parse(a.value());
            } catch (SdesParseException e) {
                malformed++;
                continue;
            }
            var suite = offered.usableSuite();
            if (suite.isPresent()) {
                return session(offered, suite.get(), current);
            }
        }
        if (savp) {
            throw new SdpNotAcceptableException(malformed > 0 ? "no well-formed crypto line Earpiece supports"
                    : "no crypto suite Earpiece supports (AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32, "
                    + "AEAD_AES_128_GCM)");
        }
        if (policy == SrtpPolicy.MANDATORY) {
            throw new SdpNotAcceptableException("SRTP is mandatory for this leg");
        }
        return null;
    }

    /** Keys of Earpiece's own for an offer it makes (the B2BUA's outgoing leg): tag 1 of {@code suite}. */
    public byte[] newKey(CryptoSuite suite) {
        byte[] key = new byte[suite.keySaltLength()];
        random.nextBytes(key);
        return key;
    }

    private SdesSession session(CryptoAttribute offered, CryptoSuite suite, SdesSession current) {
        byte[] remote = offered.keySalt();
        if (current != null && current.suite() == suite && MessageDigest.isEqual(current.remoteKeySalt(), remote)) {
            return new SdesSession(offered.tag(), suite, remote, current.localKeySalt());
        }
        return new SdesSession(offered.tag(), suite, remote, newKey(suite));
    }
}
