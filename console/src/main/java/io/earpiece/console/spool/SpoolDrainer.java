package io.earpiece.console.spool;

import io.earpiece.console.storage.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the journalled records to the database in the order they were journalled, one at a time, on a thread of
 * its own: while the database refuses, it waits (doubling up to {@code retry-max}) and tries the same record again;
 * a record the database refuses for another reason (a bug, a constraint) would be refused forever, so it is logged,
 * counted and let go. Writes are idempotent ({@link SpoolRecord#key()}), so a record written just before a crash and
 * written again after it is stored once. Started with the server, so what a crash left is written first.
 */
@Component
public class SpoolDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SpoolDrainer.class);
    private static final Duration IDLE = Duration.ofSeconds(1);

    /** Stores one journalled record in the database; storing it again must change nothing. */
    public interface RecordWriter {
        void write(SpoolRecord record);
    }

    private final Spool spool;
    private final RecordWriter writer;
    private final SpoolProperties properties;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Thread thread;

    public SpoolDrainer(Spool spool, RecordWriter writer, SpoolProperties properties) {
        this.spool = spool;
        this.writer = writer;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(this::drain, "spool-drainer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Early: the records a crash left go before the calls that SIP, started later, brings. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void drain() {
        Duration wait = properties.retryFirst();
        boolean failing = false;
        while (thread == Thread.currentThread()) {
            Optional<Spool.Pending> next;
            try {
                next = spool.next(IDLE);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                log.error("spool {} cannot be read; trying again", spool.dir(), e);
                if (!sleep(properties.retryMax())) {
                    return;
                }
                continue;
            }
            if (next.isEmpty()) {
                continue;
            }
            Spool.Pending p = next.get();
            try {
                writer.write(p.record());
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.is(e)) {
                    if (!failing) {
                        log.warn("spooled writes wait for the database ({} of them): {}", spool.pending(),
                                e.getMessage());
                        failing = true;
                    }
                    retries.incrementAndGet();
                    if (!sleep(wait)) {
                        return;
                    }
                    wait = DatabaseUnavailable.nextWait(wait, properties.retryMax());
                    continue;
                }
                failed.incrementAndGet();
                log.error("spooled {} refused by the database, dropped", p.record().key(), e);
            }
            if (failing) {
                log.warn("the database is back; writing {} spooled records", spool.pending());
                failing = false;
            }
            wait = properties.retryFirst();
            try {
                spool.written(p);
            } catch (IOException e) {
                log.error("spool {}: a written file could not be deleted", spool.dir(), e);
            }
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Tries of a spooled record that the database refused for its availability, since start. */
    public long retries() {
        return retries.get();
    }

    /** Spooled records the database refused for another reason, dropped, since start. */
    public long failed() {
        return failed.get();
    }
}
