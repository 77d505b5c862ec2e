package io.earpiece.plugins.export.outbox;

import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.Exporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox jobs: claims a batch under a lease, runs each job's exporter with the job's idempotency
 * key and records the outcome (delivered, rescheduled by the retry policy, or failed for good). Call
 * {@link #runOnce()} from a scheduler; one worker per process is enough, several are safe thanks to the lease.
 */
public final class OutboxWorker {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxStore store;
    private final Map<String, Exporter> exporters = new LinkedHashMap<>();
    private final RetryPolicy retry;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    public OutboxWorker(OutboxStore store, List<Exporter> exporters, RetryPolicy retry, Clock clock, int batchSize,
                        Duration lease) {
        this.store = store;
        for (Exporter e : exporters) {
            if (this.exporters.put(e.name(), e) != null) {
                throw new IllegalArgumentException("two exporters named " + e.name());
            }
        }
        this.retry = retry;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** Delivers the jobs due now; returns how many were attempted. */
    public int runOnce() {
        List<OutboxJob> jobs = store.claimDue(clock.instant(), batchSize, lease);
        for (OutboxJob job : jobs) {
            process(job);
        }
        return jobs.size();
    }

    private void process(OutboxJob job) {
        Exporter exporter = exporterFor(job.exporter());
        if (exporter == null) {
            failed(job, job.attempts(), "no exporter named " + job.exporter());
            return;
        }
        DeliveryResult result;
        try {
            result = exporter.deliver(job.export(), job.idempotencyKey());
        } catch (RuntimeException e) {
            // A bug in one connector must not stop the queue; retrying keeps the job visible until fixed.
            result = DeliveryResult.retryable(exporter.name() + ": " + e);
        }
        Instant now = clock.instant();
        if (result instanceof DeliveryResult.Delivered d) {
            store.markDelivered(job.id(), d.detail(), now);
        } else if (result instanceof DeliveryResult.PermanentFailure p) {
            failed(job, job.attempts() + 1, p.reason());
        } else {
            DeliveryResult.Retryable r = (DeliveryResult.Retryable) result;
            int attempts = job.attempts() + 1;
            Optional<Instant> next = retry.nextAttempt(attempts, r.retryAfter(), now);
            if (next.isPresent()) {
                store.reschedule(job.id(), attempts, next.get(), r.reason());
            } else {
                failed(job, attempts, "gave up after " + attempts + " attempts: " + r.reason());
            }
        }
    }

    private Exporter exporterFor(String target) {
        Exporter named = exporters.get(target);
        if (named != null) {
            return named;
        }
        return exporters.values().stream().filter(e -> e.handles(target)).findFirst().orElse(null);
    }

    /**
     * Records a job failed for good, with its reason for the admin's export list, and logs it: nothing retries it,
     * so without the line an export that will never arrive leaves no trace in the log.
     */
    private void failed(OutboxJob job, int attempts, String reason) {
        store.markFailed(job.id(), attempts, reason, clock.instant());
        log.warn("export {} of call {} to {} failed (not retried; an admin can replay it): {}", job.id(),
                job.export().callId(), job.exporter(), reason);
    }
}
