package io.earpiece.plugins.export.http;

import io.earpiece.plugins.export.DeliveryResult;
import java.time.Instant;

/**
 * Maps an HTTP status to a delivery result: 2xx delivered; 429, 408, 425 and 5xx retryable (429 with its
 * Retry-After); every other 4xx permanent, since sending the same request again cannot succeed.
 */
public final class HttpOutcome {
    private static final int MAX_BODY_IN_REASON = 300;

    private HttpOutcome() {
    }

    public static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    public static DeliveryResult classify(String what, int status, String retryAfter, String body, Instant now) {
        String reason = what + ": HTTP " + status + (body == null || body.isBlank() ? "" : " " + abbreviate(body));
        if (success(status)) {
            return DeliveryResult.delivered(reason);
        }
        if (status == 429 || status == 408 || status == 425 || status >= 500) {
            return new DeliveryResult.Retryable(reason, RetryAfter.parse(retryAfter, now));
        }
        return DeliveryResult.permanent(reason);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_BODY_IN_REASON ? flat : flat.substring(0, MAX_BODY_IN_REASON) + "...";
    }
}
