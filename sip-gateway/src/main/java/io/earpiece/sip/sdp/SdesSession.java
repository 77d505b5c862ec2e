package io.earpiece.sip.sdp;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * A leg's negotiated SDES keys: the peer's key (it encrypts what it sends with it) and Earpiece's own key (announced
 * in the answer, used for what Earpiece sends toward the peer), both key||salt of {@code suite}.
 *
 * @param tag the tag of the offered line that was chosen, repeated in the answer
 */
public record SdesSession(int tag, CryptoSuite suite, byte[] remoteKeySalt, byte[] localKeySalt) {

    public SdesSession {
        Objects.requireNonNull(suite, "suite");
        if (remoteKeySalt.length != suite.keySaltLength() || localKeySalt.length != suite.keySaltLength()) {
            throw new IllegalArgumentException(suite + " needs " + suite.keySaltLength() + "-byte keys");
        }
        remoteKeySalt = remoteKeySalt.clone();
        localKeySalt = localKeySalt.clone();
    }

    @Override
    public byte[] remoteKeySalt() {
        return remoteKeySalt.clone();
    }

    @Override
    public byte[] localKeySalt() {
        return localKeySalt.clone();
    }

    /** The {@code a=crypto} line of the answer. */
    public CryptoAttribute answerAttribute() {
        return CryptoAttribute.of(tag, suite, localKeySalt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdesSession s && tag == s.tag && suite == s.suite
                && MessageDigest.isEqual(remoteKeySalt, s.remoteKeySalt)
                && MessageDigest.isEqual(localKeySalt, s.localKeySalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, suite);
    }

    // Keys must never reach a log line.
    @Override
    public String toString() {
        return "SdesSession[" + tag + " " + suite + "]";
    }
}
