package io.earpiece.media.srtp;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The AES-CM key derivation of RFC 3711 section 4.3 with a key derivation rate of 0 (the SDES default, and the only
 * rate Earpiece accepts): session keys are derived once from the master key and salt. AES-GCM uses the same PRF
 * (RFC 7714 section 11) with its 12-byte master salt padded with zeros to 14 bytes, as libsrtp does.
 */
public final class KeyDerivation {

    /** Labels of RFC 3711 section 4.3.2. */
    public static final int LABEL_RTP_ENCRYPTION = 0x00;
    public static final int LABEL_RTP_AUTH = 0x01;
    public static final int LABEL_RTP_SALT = 0x02;

    private static final int PRF_SALT_LENGTH = 14;

    private KeyDerivation() {
    }

    /** The first {@code length} bytes the PRF gives for {@code label}. */
    public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > PRF_SALT_LENGTH) {
            throw new IllegalArgumentException("master salt longer than " + PRF_SALT_LENGTH + " bytes");
        }
        // x = key_id XOR master_salt, key_id = label || r with r = 0: only byte 7 of the 112-bit salt changes.
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= (byte) label;
        SICBlockCipher ctr = new SICBlockCipher(AESEngine.newInstance());
        ctr.init(true, new ParametersWithIV(new KeyParameter(masterKey), iv));
        byte[] out = new byte[length];
        ctr.processBytes(new byte[length], 0, length, out, 0);
        return out;
    }
}
