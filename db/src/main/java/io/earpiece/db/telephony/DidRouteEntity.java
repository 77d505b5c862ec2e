package io.earpiece.db.telephony;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Which rep takes inbound calls to a dialled number (DID). */
@Entity
@Table(name = "did_routes")
public class DidRouteEntity {

    @Id
    private String did;

    @Column(name = "rep_username", nullable = false)
    private String repUsername;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DidRouteEntity() {
    }

    public DidRouteEntity(String did, String repUsername, Instant createdAt) {
        this.did = did;
        this.repUsername = repUsername;
        this.createdAt = createdAt;
    }

    public void setRepUsername(String repUsername) {
        this.repUsername = repUsername;
    }

    public String getDid() { return did; }
    public String getRepUsername() { return repUsername; }
    public Instant getCreatedAt() { return createdAt; }
}
