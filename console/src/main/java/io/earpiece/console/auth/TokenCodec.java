package io.earpiece.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes opaque bearer tokens and the hashes they are stored under. A plain SHA-256 is enough here (unlike for
 * passwords) because each token carries 256 random bits, and it lets a token be found by its hash.
 */
public final class TokenCodec {

    /** Prefix of tokens from {@code POST /api/auth/token}; prefixes let secret scanners recognise leaks. */
    public static final String LOGIN_PREFIX = "ept_";
    /** Prefix of admin-issued API keys. */
    public static final String API_KEY_PREFIX = "epk_";

    private final SecureRandom random;

    public TokenCodec(SecureRandom random) {
        this.random = random;
    }

    /** A new token: the prefix and 32 random bytes in URL-safe Base64. */
    public String newToken(String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A random password of {@code chars} URL-safe characters. */
    public String newPassword(int chars) {
        byte[] bytes = new byte[(chars * 3 + 3) / 4];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, chars);
    }

    /** The lowercase hex SHA-256 of the token's UTF-8 bytes: what the database keeps. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
