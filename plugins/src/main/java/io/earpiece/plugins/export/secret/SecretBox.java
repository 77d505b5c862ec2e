package io.earpiece.plugins.export.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals connector credentials for storage: AES-256-GCM with a fresh 96-bit nonce per value. The sealed form is
 * {@code sb1.<key id>.<base64url(nonce | ciphertext | tag)>}; the version and key id are also authenticated,
 * so a value cannot be moved to another format or key unnoticed, and a rotated key is reported as such.
 */
public final class SecretBox {
    private static final String VERSION = "sb1";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random;

    public SecretBox(byte[] key, SecureRandom random) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("SecretBox needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyId(key);
        this.random = random;
    }

    /** A box for a base64 (standard or URL-safe) 32-byte key, e.g. from {@code EARPIECE_SECRET_KEY}. */
    public static SecretBox fromBase64Key(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("no secret key configured");
        }
        String k = base64Key.strip();
        byte[] raw = k.contains("-") || k.contains("_") ? Base64.getUrlDecoder().decode(k)
                : Base64.getDecoder().decode(k);
        return new SecretBox(raw, new SecureRandom());
    }

    /** A fresh random key, base64-encoded, for first-time setup. */
    public static String newBase64Key() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    public String seal(Secret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(header().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return header() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public Secret open(String sealed) throws SecretBoxException {
        if (sealed == null) {
            throw new SecretBoxException("no sealed value");
        }
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3) {
            throw new SecretBoxException("not a sealed value: expected 3 dot-separated parts");
        }
        if (!VERSION.equals(parts[0])) {
            throw new SecretBoxException("unsupported sealed format version");
        }
        if (!keyId.equals(parts[1])) {
            throw new SecretBoxException("sealed with another key (key id " + parts[1] + ")");
        }
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("sealed payload is not base64url");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("sealed payload too short: " + data.length + " bytes");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            c.updateAAD(header().getBytes(StandardCharsets.US_ASCII));
            byte[] plain = c.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return Secret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretBoxException("sealed value was tampered with or uses another key", e);
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("cannot open sealed value", e);
        }
    }

    /** The id of this box's key, stored in every sealed value so rotation can tell old values apart. */
    public String keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "SecretBox[keyId=" + keyId + "]";
    }

    private String header() {
        return VERSION + "." + keyId;
    }

    private static String keyId(byte[] key) {
        try {
            // A hash of a hash: identifies the key without giving an oracle on the key itself.
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("earpiece-secretbox-key-id")
                    .getBytes(StandardCharsets.US_ASCII));
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(d);
            md.update(key);
            return HexFormat.of().formatHex(md.digest(), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
