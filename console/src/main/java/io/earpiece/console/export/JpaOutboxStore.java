package io.earpiece.console.export;

import io.earpiece.console.cluster.NodeIdentity;
import io.earpiece.db.outbox.OutboxJobEntity;
import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.plugins.export.outbox.OutboxJob;
import io.earpiece.plugins.export.outbox.OutboxState;
import io.earpiece.plugins.export.outbox.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox in the database. Claiming sets a lease in a committed transaction before any delivery starts, so
 * a worker that dies mid-delivery leaves a job that simply becomes due again when the lease ends. The claim reads
 * with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so the workers of a cluster's nodes never claim one job twice.
 */
@Component
public class JpaOutboxStore implements OutboxStore {

    private static final Logger log = LoggerFactory.getLogger(JpaOutboxStore.class);

    private final OutboxJobRepository jobs;
    private final ExportPayloads payloads;
    private final NodeIdentity node;

    public JpaOutboxStore(OutboxJobRepository jobs, ExportPayloads payloads, NodeIdentity node) {
        this.jobs = jobs;
        this.payloads = payloads;
        this.node = node;
    }

    @Override
    @Transactional
    public List<OutboxJob> claimDue(Instant now, int limit, Duration lease) {
        List<OutboxJob> out = new ArrayList<>();
        for (OutboxJobEntity e : jobs.findClaimable(now, PageRequest.of(0, limit))) {
            e.lease(node.id(), now.plus(lease), now);
            try {
                out.add(new OutboxJob(e.getId(), e.getExporter(), e.getIdempotencyKey(), payloads.read(e.getPayload()),
                        e.getAttempts(), e.getDueAt()));
            } catch (IllegalStateException unreadable) {
                log.error("outbox job {} has an unreadable payload; marked failed", e.getId());
                e.settle(OutboxState.FAILED.name(), e.getAttempts(), e.getDueAt(), unreadable.getMessage(), now);
            }
        }
        return out;
    }

    @Override
    @Transactional
    public void markDelivered(String jobId, String detail, Instant at) {
        jobs.findById(jobId).ifPresent(e ->
                e.settle(OutboxState.DELIVERED.name(), e.getAttempts(), e.getDueAt(), detail, at));
    }

    @Override
    @Transactional
    public void reschedule(String jobId, int attempts, Instant dueAt, String reason) {
        jobs.findById(jobId).ifPresent(e ->
                e.settle(OutboxState.PENDING.name(), attempts, dueAt, reason, Instant.now()));
    }

    @Override
    @Transactional
    public void markFailed(String jobId, int attempts, String reason, Instant at) {
        jobs.findById(jobId).ifPresent(e -> e.settle(OutboxState.FAILED.name(), attempts, e.getDueAt(), reason, at));
    }

    @Override
    @Transactional
    public boolean replay(String jobId, Instant now) {
        OutboxJobEntity e = jobs.findById(jobId).orElse(null);
        if (e == null || !OutboxState.FAILED.name().equals(e.getState())) {
            return false;
        }
        e.settle(OutboxState.PENDING.name(), 0, now, e.getLastOutcome(), now);
        return true;
    }
}
