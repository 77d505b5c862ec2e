package io.earpiece.console.auth;

import io.earpiece.db.user.LoginLockoutEntity;
import io.earpiece.db.user.LoginLockoutRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Counts in the shared database (V21 {@code login_lockouts}), so a cluster's nodes and a restarted node apply one
 * limit: each update reads the key's row under a row lock and writes it back in one transaction. Rows whose
 * window has passed are swept now and then.
 */
final class StoredLockoutStore implements LockoutStore {

    /** Sweep forgotten rows at most this often. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(5);

    private final LoginLockoutRepository rows;
    private final TransactionTemplate transactions;
    private final Duration window;
    private final Clock clock;
    private volatile Instant nextSweep = Instant.MIN;

    StoredLockoutStore(LoginLockoutRepository rows, TransactionTemplate transactions, Duration window, Clock clock) {
        this.rows = rows;
        this.transactions = transactions;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Lockouts.State find(String key) {
        return rows.findById(key).map(StoredLockoutStore::state).orElse(null);
    }

    @Override
    public void update(String key, UnaryOperator<Lockouts.State> change) {
        try {
            updateOnce(key, change);
        } catch (DataIntegrityViolationException raced) {
            // Another node inserted the key's first row at the same moment: now it exists, and is locked in turn.
            updateOnce(key, change);
        }
        sweep();
    }

    private void updateOnce(String key, UnaryOperator<Lockouts.State> change) {
        transactions.executeWithoutResult(status -> {
            LoginLockoutEntity row = rows.findForUpdate(key).orElse(null);
            Lockouts.State next = change.apply(row == null ? null : state(row));
            if (row == null) {
                row = new LoginLockoutEntity(key);
            }
            row.set(next.failures(), next.locks(), next.lastFailure(), next.lockedUntil(), next.forgottenAt(window));
            rows.saveAndFlush(row);
        });
    }

    @Override
    public void remove(String key) {
        rows.deleteById(key);
    }

    private void sweep() {
        Instant now = clock.instant();
        if (now.isAfter(nextSweep)) {
            nextSweep = now.plus(SWEEP_EVERY);
            rows.deleteForgotten(now);
        }
    }

    private static Lockouts.State state(LoginLockoutEntity row) {
        return new Lockouts.State(row.getFailures(), row.getLocks(), row.getLastFailure(), row.getLockedUntil());
    }
}
