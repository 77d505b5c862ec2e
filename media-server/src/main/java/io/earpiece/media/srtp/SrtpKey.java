package io.earpiece.media.srtp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A master key and salt for one direction of one stream, as exchanged in an SDES {@code inline:} parameter.
 * Arrays are copied in and out, so a key never changes once made.
 */
public final class SrtpKey {

    private final SrtpSuite suite;
    private final byte[] masterKey;
    private final byte[] masterSalt;

    public SrtpKey(SrtpSuite suite, byte[] masterKey, byte[] masterSalt) {
        this.suite = Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(masterSalt, "masterSalt");
        if (masterKey.length != suite.keyLength() || masterSalt.length != suite.saltLength()) {
            throw new IllegalArgumentException(suite + " needs a " + suite.keyLength() + "-byte key and a "
                    + suite.saltLength() + "-byte salt, got " + masterKey.length + " and " + masterSalt.length);
        }
        this.masterKey = masterKey.clone();
        this.masterSalt = masterSalt.clone();
    }

    /** Splits the concatenated key||salt of an SDES inline parameter. */
    public static SrtpKey fromKeySalt(SrtpSuite suite, byte[] keySalt) {
        int need = suite.keyLength() + suite.saltLength();
        if (keySalt.length != need) {
            throw new IllegalArgumentException(suite + " needs " + need + " bytes of key and salt, got "
                    + keySalt.length);
        }
        return new SrtpKey(suite, Arrays.copyOfRange(keySalt, 0, suite.keyLength()),
                Arrays.copyOfRange(keySalt, suite.keyLength(), need));
    }

    public SrtpSuite suite() {
        return suite;
    }

    public byte[] masterKey() {
        return masterKey.clone();
    }

    public byte[] masterSalt() {
        return masterSalt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKey k && suite == k.suite && MessageDigest.isEqual(masterKey, k.masterKey)
                && MessageDigest.isEqual(masterSalt, k.masterSalt);
    }

    @Override
    public int hashCode() {
        return 31 * suite.hashCode() + Arrays.hashCode(masterSalt);
    }

    // Key material must never reach a log line.
    @Override
    public String toString() {
        return "SrtpKey[" + suite + "]";
    }
}
