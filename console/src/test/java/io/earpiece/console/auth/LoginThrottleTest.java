package io.earpiece.console.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final ManualClock clock = new ManualClock();
    final LoginThrottle throttle = new LoginThrottle(
            new AuthProperties.LoginLimits(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(2)),
            clock);

    void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void fiveFailuresLockTheNameAndEachFurtherLockLastsTwiceAsLongUpToTheCap() {
        fail("dana", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("dana", "10.0.0.1")).isZero();
        fail("dana", "10.0.0.1", 1);
        assertThat(throttle.lockedFor("dana", "10.0.0.9")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("erin", "10.0.0.9")).as("other names are not locked").isZero();

        Duration[] expected = {Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(120)};
        for (Duration lock : expected) {
            clock.advance(throttle.lockedFor("dana", null));
            assertThat(throttle.lockedFor("dana", null)).isZero();
            fail("dana", null, 5);
            assertThat(throttle.lockedFor("dana", null)).isEqualTo(lock);
        }
    }

    @Test
    void aSuccessClearsTheNamesCount() {
        fail("dana", "10.0.0.1", 4);
        throttle.succeeded("dana");
        fail("dana", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("dana", null)).isZero();
    }

    @Test
    void failuresAreForgottenAfterAQuietWindow() {
        fail("dana", null, 4);
        clock.advance(Duration.ofMinutes(16));
        fail("dana", null, 4);
        assertThat(throttle.lockedFor("dana", null)).isZero();

        fail("dana", null, 1);
        clock.advance(Duration.ofSeconds(30).plus(Duration.ofMinutes(16)));
        fail("dana", null, 5);
        assertThat(throttle.lockedFor("dana", null)).as("back-off starts over").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anAddressGuessingManyNamesIsLockedAndASuccessDoesNotClearIt() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        throttle.succeeded("user0");
        assertThat(throttle.lockedFor("someone", "10.0.0.1")).isZero();
        throttle.failed("user19", "10.0.0.1");
        assertThat(throttle.lockedFor("someone", "10.0.0.1")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("someone", "10.0.0.2")).as("other addresses are not locked").isZero();
    }
}
