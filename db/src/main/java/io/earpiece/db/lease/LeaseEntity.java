package io.earpiece.db.lease;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A named lease: who holds it and until when (see V20__cluster_leases.sql). */
@Entity
@Table(name = "cluster_leases")
public class LeaseEntity {

    @Id
    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String holder;

    @Column(name = "held_until", nullable = false)
    private Instant heldUntil;

    protected LeaseEntity() {
    }

    public LeaseEntity(String name, String holder, Instant heldUntil) {
        this.name = name;
        this.holder = holder;
        this.heldUntil = heldUntil;
    }

    public String getName() { return name; }
    public String getHolder() { return holder; }
    public Instant getHeldUntil() { return heldUntil; }
}
