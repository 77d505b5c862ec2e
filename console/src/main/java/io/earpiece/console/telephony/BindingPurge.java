package io.earpiece.console.telephony;

import io.earpiece.console.polling.OutageLog;
import io.earpiece.console.polling.OutageLogs;
import io.earpiece.db.telephony.SipBindingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired registrar bindings every {@code earpiece.telephony.registrar.purge-interval}. Reads already skip
 * them; the purge keeps the shared table from growing with devices that went away without unregistering. Every node
 * of a cluster runs it: the delete is idempotent, and a node alone must purge too.
 */
public class BindingPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BindingPurge.class);

    private final SipBindingRepository bindings;
    private final Duration interval;
    private final Clock clock;
    private final OutageLog runs;
    private ScheduledExecutorService timer;

    public BindingPurge(SipBindingRepository bindings, Duration interval, Clock clock, OutageLogs outages) {
        this.bindings = bindings;
        this.interval = interval;
        this.clock = clock;
        this.runs = outages.forTask("registrar purge", log);
    }

    /** One purge: the number of expired bindings deleted. */
    int purge() {
        try {
            int n = bindings.deleteExpired(clock.instant());
            runs.worked();
            if (n > 0) {
                log.info("registrar: {} expired binding(s) purged", n);
            }
            return n;
        } catch (RuntimeException e) {
            // the database is away: the next run tries again
            runs.failed(e);
            return 0;
        }
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registrar-purge");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
