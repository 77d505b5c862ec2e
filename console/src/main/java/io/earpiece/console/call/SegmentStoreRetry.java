package io.earpiece.console.call;

import io.earpiece.console.storage.DatabaseUnavailable;
import io.earpiece.sip.call.LegRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Retries a write of the live call path (a leg's or a call's end, SIPREC participants, an after-call summary, and a
 * final or DTMF/hold event when the on-disk journal is full: {@link SpoolingStore}) while the database cannot be
 * reached (a connection refused, a transaction that cannot begin or commit), with doubling waits, so that a database
 * outage during calls delays those writes rather than losing them (a call that ended during an outage would
 * otherwise stay ACTIVE until the next start). A final retried here is announced only after it is stored.
 * Other failures (a constraint, a bug) are not retried, nor is a write inside a caller's transaction (an upload's):
 * that transaction is lost with the connection, and its owner starts over.
 */
@Component
public class SegmentStoreRetry {

    private static final Logger log = LoggerFactory.getLogger(SegmentStoreRetry.class);

    private final SegmentStoreProperties properties;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong refusedCalls = new AtomicLong();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    public SegmentStoreRetry(SegmentStoreProperties properties) {
        this.properties = properties;
    }

    /** Runs {@code write} until it succeeds, the failure is not the database's availability, or time is up. */
    public <T> T store(String what, Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return write.get();
        }
        long deadline = System.nanoTime() + properties.giveUpAfter().toNanos();
        try {
            return retry(what, write, deadline, properties.retryFirst());
        } finally {
            waiting.remove(what);
        }
    }

    private <T> T retry(String what, Supplier<T> write, long deadline, Duration firstWait) {
        Duration wait = firstWait;
        boolean warned = false;
        while (true) {
            try {
                T result = write.get();
                if (warned) {
                    log.warn("stored {} after the database came back", what);
                }
                return result;
            } catch (RuntimeException e) {
                if (!unavailable(e) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                if (!warned) {
                    log.warn("database unavailable while storing {}; retrying until it returns: {}", what,
                            e.getMessage());
                    warned = true;
                    waiting.add(what);
                }
                retries.incrementAndGet();
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = DatabaseUnavailable.nextWait(wait, properties.retryMax());
            }
        }
    }

    /** As {@link #store} for a write with no result. */
    public void run(String what, Runnable write) {
        store(what, () -> {
            write.run();
            return null;
        });
    }

    /** How long one write is retried before it is given up ({@code give-up-after}). */
    public Duration patience() {
        return properties.giveUpAfter();
    }

    /** Whether a later try may fix the failure: see {@link DatabaseUnavailable}. */
    static boolean unavailable(RuntimeException e) {
        return DatabaseUnavailable.is(e);
    }

    /**
     * The refusal of a call that could not be opened because the database is unreachable (503 with Retry-After),
     * or {@code failure} itself, rethrown, when it is anything else.
     */
    public LegRejectedException refuseNewCall(RuntimeException failure) {
        if (!unavailable(failure)) {
            throw failure;
        }
        refusedCalls.incrementAndGet();
        log.warn("new call refused with 503: the database is unavailable ({})", failure.getMessage());
        return new LegRejectedException(503, "Call records unavailable (database down)",
                (int) Math.max(1, properties.newCallRetryAfter().toSeconds()));
    }

    /** The writes waiting for the database now, as named by their callers ("end of call …"). */
    public Set<String> waiting() {
        return Set.copyOf(waiting);
    }

    /** Calls refused with 503 because the database was unavailable, since start. */
    public long refusedCalls() {
        return refusedCalls.get();
    }

    /** Tries that failed on the database and were repeated, since start. */
    public long retries() {
        return retries.get();
    }
}
