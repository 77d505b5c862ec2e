package io.earpiece.console.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins per key (a username or a client address) and the lock they earn: {@code maxFailures} within
 * {@code window} lock the key for {@code lockout}, each further lock twice as long up to {@code maxLockout}. A
 * key's record is forgotten once a whole window has passed since its last failure or lock.
 *
 * <p>The counts live in a {@link LockoutStore}: the shared database in the running server (one limit per cluster,
 * kept across restarts), memory in unit tests.
 */
final class Lockouts {

    record State(int failures, int locks, Instant lastFailure, Instant lockedUntil) {

        Instant forgottenAt(Duration window) {
            return (lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure).plus(window);
        }
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Duration maxLockout;
    private final LockoutStore states;

    Lockouts(LockoutStore states, int maxFailures, Duration window, Duration lockout, Duration maxLockout) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        this.states = states;
    }

    /** How long the key stays locked; zero when it is not. */
    Duration lockedFor(String key, Instant now) {
        State state = states.find(key);
        return state == null || !state.lockedUntil().isAfter(now) ? Duration.ZERO
                : Duration.between(now, state.lockedUntil());
    }

    void failed(String key, Instant now) {
        states.update(key, state -> {
            if (state == null || !state.forgottenAt(window).isAfter(now)) {
                state = new State(0, 0, now, now);
            }
            int failures = state.failures() + 1;
            if (failures < maxFailures) {
                return new State(failures, state.locks(), now, state.lockedUntil());
            }
            int locks = state.locks() + 1;
            return new State(0, locks, now, now.plus(lockFor(locks)));
        });
    }

    void forget(String key) {
        states.remove(key);
    }

    private Duration lockFor(int locks) {
        Duration lock = lockout.multipliedBy(1L << Math.min(locks - 1, 30));
        return lock.compareTo(maxLockout) > 0 ? maxLockout : lock;
    }
}
