package io.earpiece.console.storage;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a failure of the database's availability from any other failure of a write, and how long to wait then. */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** The wait after {@code wait} while the database stays away: doubled, at most {@code max}. */
    public static java.time.Duration nextWait(java.time.Duration wait, java.time.Duration max) {
        java.time.Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    /**
     * Whether the failure says the database could not be reached or the work could not be committed, which a later
     * try may fix; a constraint violation (a final stored twice) or a bug would fail the same way for ten minutes.
     */
    public static boolean is(RuntimeException e) {
        return e instanceof CannotCreateTransactionException || e instanceof TransactionSystemException
                || e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof RecoverableDataAccessException;
    }
}
