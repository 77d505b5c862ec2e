package io.earpiece.plugins.export;

import java.time.Duration;
import java.util.Optional;

/** The outcome of one delivery attempt: delivered, worth retrying (perhaps after a given delay), or never. */
public sealed interface DeliveryResult {
    /** Delivered; {@code detail} names what was created (ids) for the admin view. */
    record Delivered(String detail) implements DeliveryResult {
    }

    /** Failed in a way that may pass later (network, 5xx, 429); {@code retryAfter} is the vendor's wish if any. */
    record Retryable(String reason, Optional<Duration> retryAfter) implements DeliveryResult {
        public Retryable {
            retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        }
    }

    /** Failed in a way a retry cannot fix (4xx other than 429, no matching record, bad credentials). */
    record PermanentFailure(String reason) implements DeliveryResult {
    }

    static DeliveryResult delivered(String detail) {
        return new Delivered(detail);
    }

    static DeliveryResult retryable(String reason) {
        return new Retryable(reason, Optional.empty());
    }

    static DeliveryResult permanent(String reason) {
        return new PermanentFailure(reason);
    }
}
