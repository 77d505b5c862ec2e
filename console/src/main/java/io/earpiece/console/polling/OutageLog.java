package io.earpiece.console.polling;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The failures of one task that runs again and again (a poller, a heartbeat, a folder scan), logged as an outage:
 * one line when the task starts failing, one when it works again, and every failed run counted. A task that fails
 * at every tick while the database is away would otherwise write a line (or a stack trace) every few hundred
 * milliseconds and bury what else the log says.
 */
public final class OutageLog {

    private final String task;
    private final Logger log;
    private final Counter failures;
    private final Clock clock;
    private Instant failingSince;
    private long failedRuns;

    OutageLog(String task, Logger log, Counter failures, Clock clock) {
        this.task = task;
        this.log = log;
        this.failures = failures;
        this.clock = clock;
    }

    /** One run failed: counted; logged only when it is the first failure since the task last worked. */
    public synchronized void failed(Throwable failure) {
        failures.increment();
        failedRuns++;
        if (failingSince == null) {
            failingSince = clock.instant();
            log.warn("{} failing: {}; retried at every run, logged again when it works", task, describe(failure));
        }
    }

    /** One run worked: logged when it ends an outage. */
    public synchronized void worked() {
        if (failingSince == null) {
            return;
        }
        Duration outage = Duration.between(failingSince, clock.instant());
        log.warn("{} works again after {} failed runs over {} s", task, failedRuns,
                String.format("%.1f", outage.toMillis() / 1000.0));
        failingSince = null;
        failedRuns = 0;
    }

    /** The failure and its root cause in one line: Spring's wrappers alone say little ("Could not open ..."). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + " (cause: " + root + ")";
    }
}
