package io.earpiece.sip.b2bua;

import io.earpiece.sip.sdp.CryptoAttribute;
import io.earpiece.sip.sdp.CryptoSuite;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.SdesNegotiator;
import io.earpiece.sip.sdp.SdesParseException;
import io.earpiece.sip.sdp.SdesSession;
import io.earpiece.sip.sdp.SdpAttribute;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SrtpPolicy;

import java.util.List;

/**
 * One B2BUA leg's SRTP under its own policy: what Earpiece answers when this leg's peer offers, what it offers when
 * the other leg's peer does, and the keys agreed so far. The two legs of a call never share keys: Earpiece
 * decrypts what one peer sends and encrypts what goes to the other with that leg's keys (or sends it clear). Not
 * thread-safe: the call's monitor guards it.
 */
final class SrtpLeg {

    /** The suite Earpiece offers: the one RFC 4568 makes mandatory to implement, so every SDES peer has it. */
    static final CryptoSuite OFFERED_SUITE = CryptoSuite.AES_CM_128_HMAC_SHA1_80;
    private static final int OFFER_TAG = 1;

    private final SrtpPolicy policy;
    private final SdesNegotiator sdes;
    private SdesSession keys;
    private String profile = SdesNegotiator.AVP;
    private String pendingProfile = SdesNegotiator.AVP;
    private byte[] offeredKey;
    private CryptoAttribute lastOffer;
    private SdesSession pending;

    SrtpLeg(SrtpPolicy policy, SdesNegotiator sdes) {
        this.policy = policy;
        this.sdes = sdes;
    }

    SrtpPolicy policy() {
        return policy;
    }

    /** The keys in force, or null for clear RTP. */
    SdesSession keys() {
        return keys;
    }

    /**
     * This leg's peer offered {@code m}: the keys Earpiece will answer with, in force once {@link #commit()}ted
     * (a refused re-INVITE leaves the session as it was), or 488 when the policy and the offer do not meet.
     */
    SdesSession offered(MediaDescription m) throws SdpNotAcceptableException {
        pending = sdes.negotiate(m, policy, keys);
        pendingProfile = m.protocol().equalsIgnoreCase(SdesNegotiator.SAVP) ? SdesNegotiator.SAVP
                : SdesNegotiator.AVP;
        return pending;
    }

    /** The offer of {@link #offered} was answered: its keys are now in force. */
    SdesSession commit() {
        keys = pending;
        profile = pendingProfile;
        return keys;
    }

    /** Profile and crypto line of Earpiece's answer to this leg's offer. */
    SdpAnchor.Crypto answer() {
        return new SdpAnchor.Crypto(pendingProfile, pending == null ? List.of()
                : List.of(pending.answerAttribute().attribute()));
    }

    /**
     * Profile and crypto line of an offer Earpiece makes to this leg: nothing under {@code off}; RTP/SAVP with a key
     * under {@code mandatory}; under {@code optional} a best-effort key on RTP/AVP (the peer may answer with or
     * without one), or RTP/SAVP once SRTP is agreed. A re-offer repeats Earpiece's key, so nothing is re-keyed.
     */
    SdpAnchor.Crypto offer() {
        if (policy == SrtpPolicy.OFF) {
            lastOffer = null;
            return new SdpAnchor.Crypto(SdesNegotiator.AVP, List.of());
        }
        CryptoSuite suite = keys != null ? keys.suite() : OFFERED_SUITE;
        int tag = keys != null ? keys.tag() : OFFER_TAG;
        if (keys != null) {
            offeredKey = keys.localKeySalt();
        } else if (offeredKey == null || offeredKey.length != suite.keySaltLength()) {
            offeredKey = sdes.newKey(suite);
        }
        String offerProfile = policy == SrtpPolicy.MANDATORY || (keys != null && profile.equals(SdesNegotiator.SAVP))
                ? SdesNegotiator.SAVP : SdesNegotiator.AVP;
        lastOffer = CryptoAttribute.of(tag, suite, offeredKey);
        return new SdpAnchor.Crypto(offerProfile, List.of(lastOffer.attribute()));
    }

    /**
     * This leg's peer answered Earpiece's {@link #offer()} with {@code m}: the keys agreed (null: clear RTP), or
     * {@link SdpNotAcceptableException} when the policy is mandatory and the answer has no matching key.
     */
    SdesSession answered(MediaDescription m) throws SdpNotAcceptableException {
        CryptoAttribute ours = lastOffer;
        SdesSession agreed = null;
        if (ours != null) {
            for (SdpAttribute a : m.attributes()) {
                if (!a.name().equalsIgnoreCase(CryptoAttribute.NAME) || a.value() == null) {
                    continue;
                }
                try {
                    CryptoAttribute answer = CryptoAttribute.parse(a.value());
                    if (answer.tag() == ours.tag() && answer.suite().equals(ours.suite())
                            && answer.usableSuite().isPresent()) {
                        agreed = new SdesSession(ours.tag(), answer.usableSuite().get(), answer.keySalt(),
                                ours.keySalt());
                        break;
                    }
                } catch (SdesParseException e) {
                    // A malformed line is no key; the policy decides below whether clear RTP will do.
                }
            }
        }
        if (agreed == null && policy == SrtpPolicy.MANDATORY) {
            throw new SdpNotAcceptableException("the answer has no usable key for the offered "
                    + "crypto line and SRTP is mandatory on this leg");
        }
        if (agreed == null && m.protocol().equalsIgnoreCase(SdesNegotiator.SAVP)) {
            throw new SdpNotAcceptableException("RTP/SAVP answer without a usable key");
        }
        keys = agreed;
        pending = agreed;
        profile = agreed != null && m.protocol().equalsIgnoreCase(SdesNegotiator.SAVP)
                ? SdesNegotiator.SAVP : SdesNegotiator.AVP;
        pendingProfile = profile;
        return keys;
    }
}
