package io.earpiece.plugins.export.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential back-off from {@code base}, capped at {@code cap}, with
 * "equal jitter" (half the delay fixed, half random) so many failed jobs do not retry in lock-step; a vendor's
 * Retry-After is a floor. After {@code maxAttempts} failed attempts the job gives up.
 */
public final class RetryPolicy {
    private final Duration base;
    private final Duration cap;
    private final int maxAttempts;
    private final RandomGenerator random;

    public RetryPolicy(Duration base, Duration cap, int maxAttempts, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < base <= cap and maxAttempts >= 1");
        }
        this.base = base;
        this.cap = cap;
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    /** 30 s doubling to at most 1 h, 12 attempts (about 8 hours of trying). */
    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 12, RandomGenerator.getDefault());
    }

    /** The back-off before the next attempt after {@code failedAttempts} failures (1 = first failure). */
    public Duration backoff(int failedAttempts) {
        int shift = Math.min(Math.max(0, failedAttempts - 1), 30);
        long millis = base.toMillis() << shift;
        if (millis <= 0 || millis > cap.toMillis()) {
            millis = cap.toMillis();
        }
        long half = millis / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    /** When to attempt again after {@code failedAttempts} failures, or empty when it is time to give up. */
    public Optional<Instant> nextAttempt(int failedAttempts, Optional<Duration> retryAfter, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = backoff(failedAttempts);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        return Optional.of(now.plus(wait));
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
