package io.earpiece.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Counts in this instance's memory: for tests and single nodes without a shared database. */
final class MemoryLockoutStore implements LockoutStore {

    /** Above this many keys, forgotten ones are swept on the next failure, so guessed names cannot fill memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Lockouts.State> states = new ConcurrentHashMap<>();
    private final Duration window;
    private final Clock clock;

    MemoryLockoutStore(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Lockouts.State find(String key) {
        return states.get(key);
    }

    @Override
    public void update(String key, UnaryOperator<Lockouts.State> change) {
        states.compute(key, (k, state) -> change.apply(state));
        if (states.size() > SWEEP_ABOVE) {
            states.values().removeIf(state -> !state.forgottenAt(window).isAfter(clock.instant()));
        }
    }

    @Override
    public void remove(String key) {
        states.remove(key);
    }
}
