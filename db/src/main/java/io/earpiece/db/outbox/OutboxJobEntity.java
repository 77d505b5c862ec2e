package io.earpiece.db.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One export job in the outbox: which exporter gets which call's export (as JSON), where delivery stands, and
 * the lease that hides it from other workers while one delivers it.
 */
@Entity
@Table(name = "export_outbox")
public class OutboxJobEntity {

    @Id
    private String id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(nullable = false)
    private String exporter;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(nullable = false, length = 65000)
    private String payload;

    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "leased_until")
    private Instant leasedUntil;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "last_outcome", length = 2000)
    private String lastOutcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OutboxJobEntity() {
    }

    public OutboxJobEntity(String id, String callId, String exporter, String idempotencyKey, String payload,
                           String state, Instant dueAt, Instant createdAt) {
        this.id = id;
        this.callId = callId;
        this.exporter = exporter;
        this.idempotencyKey = idempotencyKey;
        this.payload = payload;
        this.state = state;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Hides the job from other claims until {@code until}; {@code node} delivers it. */
    public void lease(String node, Instant until, Instant now) {
        this.claimedBy = node;
        this.leasedUntil = until;
        this.updatedAt = now;
    }

    /** Moves the job to {@code newState}, releasing its lease. */
    public void settle(String newState, int newAttempts, Instant newDueAt, String outcome, Instant now) {
        this.state = newState;
        this.attempts = newAttempts;
        this.dueAt = newDueAt;
        this.lastOutcome = outcome == null ? null : outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome;
        this.leasedUntil = null;
        this.updatedAt = now;
    }

    public String getId() { return id; }
    public String getCallId() { return callId; }
    public String getExporter() { return exporter; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getPayload() { return payload; }
    public String getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getDueAt() { return dueAt; }
    public Instant getLeasedUntil() { return leasedUntil; }
    /** The node that claimed the job last; null before any claim. */
    public String getClaimedBy() { return claimedBy; }
    public String getLastOutcome() { return lastOutcome; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
