package io.earpiece.console.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per key (a username or a client address) and the lock they earn: {@code maxFailures} within
 * {@code window} lock the key for {@code lockout}, each further lock twice as long up to {@code maxLockout}. A
 * key's record is forgotten once a whole window has passed since its last failure or lock.
 *
 * <p>In memory, so each console instance counts on its own and a restart forgets; a cluster would need the
 * counts shared (e.g. in the database or Redis) to keep the limit per cluster rather than per node.
 */
final class Lockouts {

    /** Above this many keys, forgotten ones are swept on the next failure, so guessed names cannot fill memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private record State(int failures, int locks, Instant lastFailure, Instant lockedUntil) {

        Instant forgottenAt(Duration window) {
            return (lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure).plus(window);
        }
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    Lockouts(int maxFailures, Duration window, Duration lockout, Duration maxLockout) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
    }

    /** How long the key stays locked; zero when it is not. */
    Duration lockedFor(String key, Instant now) {
        State state = states.get(key);
        return state == null || !state.lockedUntil().isAfter(now) ? Duration.ZERO
                : Duration.between(now, state.lockedUntil());
    }

    void failed(String key, Instant now) {
        states.compute(key, (k, state) -> {
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
        if (states.size() > SWEEP_ABOVE) {
            states.values().removeIf(state -> !state.forgottenAt(window).isAfter(now));
        }
    }

    void forget(String key) {
        states.remove(key);
    }

    private Duration lockFor(int locks) {
        Duration lock = lockout.multipliedBy(1L << Math.min(locks - 1, 30));
        return lock.compareTo(maxLockout) > 0 ? maxLockout : lock;
    }
}
