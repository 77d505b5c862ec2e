package io.earpiece.plugins.export.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhook deliveries: {@code v1=hex(HMAC-SHA256(secret, timestamp + "." + body))} where the
 * timestamp is Unix seconds, sent in {@code X-Earpiece-Timestamp}. Signing the timestamp with the body lets a
 * receiver reject replays of an old delivery by its age.
 */
public final class WebhookSignature {
    public static final String TIMESTAMP_HEADER = "X-Earpiece-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Earpiece-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String SCHEME = "v1=";

    private WebhookSignature() {
    }

    /** The signature header value for this timestamp (Unix seconds) and body. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the JDK", e);
        }
    }

    /**
     * Whether {@code header} (one or more comma-separated {@code v1=} values, to allow secret rotation) signs
     * {@code timestamp.body} with {@code secret}, and the timestamp is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, String timestamp, String body, String header, Instant now,
                                 Duration tolerance) {
        if (secret == null || timestamp == null || body == null || header == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : header.split(",")) {
            // Compare every candidate in constant time; no early exit reveals which one matched.
            match |= MessageDigest.isEqual(expected, candidate.strip().getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }
}
