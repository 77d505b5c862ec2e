package io.earpiece.plugins.export.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An outbox in memory: the reference semantics of {@link OutboxStore}, for tests and embedded use. */
public final class InMemoryOutboxStore implements OutboxStore {
    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();

    public synchronized void enqueue(OutboxJob job) {
        if (entries.containsKey(job.id())) {
            throw new IllegalArgumentException("job " + job.id() + " already queued");
        }
        entries.put(job.id(), new OutboxEntry(job, OutboxState.PENDING, null, null));
    }

    public synchronized Optional<OutboxEntry> find(String jobId) {
        return Optional.ofNullable(entries.get(jobId));
    }

    public synchronized List<OutboxEntry> all() {
        return List.copyOf(entries.values());
    }

    @Override
    public synchronized List<OutboxJob> claimDue(Instant now, int limit, Duration lease) {
        List<OutboxEntry> due = new ArrayList<>();
        for (OutboxEntry e : entries.values()) {
            boolean free = e.leasedUntil() == null || !e.leasedUntil().isAfter(now);
            if (e.state() == OutboxState.PENDING && free && !e.job().dueAt().isAfter(now)) {
                due.add(e);
            }
        }
        due.sort(Comparator.comparing((OutboxEntry e) -> e.job().dueAt()));
        List<OutboxJob> out = new ArrayList<>();
        for (OutboxEntry e : due.subList(0, Math.min(limit, due.size()))) {
            entries.put(e.job().id(), new OutboxEntry(e.job(), e.state(), e.lastOutcome(), now.plus(lease)));
            out.add(e.job());
        }
        return out;
    }

    @Override
    public synchronized void markDelivered(String jobId, String detail, Instant at) {
        OutboxEntry e = require(jobId);
        entries.put(jobId, new OutboxEntry(e.job(), OutboxState.DELIVERED, detail, null));
    }

    @Override
    public synchronized void reschedule(String jobId, int attempts, Instant dueAt, String reason) {
        OutboxEntry e = require(jobId);
        OutboxJob j = e.job();
        entries.put(jobId, new OutboxEntry(new OutboxJob(j.id(), j.exporter(), j.idempotencyKey(), j.export(),
                attempts, dueAt), OutboxState.PENDING, reason, null));
    }

    @Override
    public synchronized void markFailed(String jobId, int attempts, String reason, Instant at) {
        OutboxEntry e = require(jobId);
        OutboxJob j = e.job();
        entries.put(jobId, new OutboxEntry(new OutboxJob(j.id(), j.exporter(), j.idempotencyKey(), j.export(),
                attempts, j.dueAt()), OutboxState.FAILED, reason, null));
    }

    @Override
    public synchronized boolean replay(String jobId, Instant now) {
        OutboxEntry e = entries.get(jobId);
        if (e == null || e.state() != OutboxState.FAILED) {
            return false;
        }
        OutboxJob j = e.job();
        entries.put(jobId, new OutboxEntry(new OutboxJob(j.id(), j.exporter(), j.idempotencyKey(), j.export(), 0,
                now), OutboxState.PENDING, e.lastOutcome(), null));
        return true;
    }

    private OutboxEntry require(String jobId) {
        OutboxEntry e = entries.get(jobId);
        if (e == null) {
            throw new IllegalArgumentException("no job " + jobId);
        }
        return e;
    }
}
