package io.earpiece.db.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The id of a vendor object an exporter created for one step of one delivery. */
@Entity
@Table(name = "export_ledger")
public class LedgerEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(nullable = false)
    private String step;

    @Column(name = "object_id", nullable = false)
    private String objectId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LedgerEntryEntity() {
    }

    public LedgerEntryEntity(String idempotencyKey, String step, String objectId, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.step = step;
        this.objectId = objectId;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getStep() { return step; }
    public String getObjectId() { return objectId; }
    public Instant getCreatedAt() { return createdAt; }
}
