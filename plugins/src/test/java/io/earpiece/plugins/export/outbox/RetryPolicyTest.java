package io.earpiece.plugins.export.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 6,
            new SplittableRandom(7));
    private final Instant now = Instant.parse("2025-03-12T15:00:00Z");

    @Test
    void backoffDoublesWithinJitterAndIsCapped() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long full = Math.min(10_000L << (attempt - 1), 300_000L);
            Duration d = policy.backoff(attempt);
            assertThat(d.toMillis()).isBetween(full / 2, full);
        }
    }

    @Test
    void retryAfterIsAFloorAndAttemptsRunOut() {
        assertThat(policy.nextAttempt(1, Optional.of(Duration.ofSeconds(120)), now)).contains(now.plusSeconds(120));
        assertThat(policy.nextAttempt(1, Optional.of(Duration.ofMillis(1)), now).orElseThrow())
                .isBetween(now.plusSeconds(5), now.plusSeconds(10));
        assertThat(policy.nextAttempt(6, Optional.empty(), now)).isEmpty();
    }
}
