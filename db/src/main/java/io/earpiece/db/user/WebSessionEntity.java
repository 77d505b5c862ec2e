package io.earpiece.db.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A browser sign-in, stored under the hash of its session id (see V19__web_sessions.sql). */
@Entity
@Table(name = "web_sessions")
public class WebSessionEntity {

    @Id
    @Column(name = "id_hash", nullable = false, length = 64)
    private String idHash;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_access_at", nullable = false)
    private Instant lastAccessAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected WebSessionEntity() {
    }

    public WebSessionEntity(String idHash, Long userId, int sessionGeneration, Instant createdAt, Instant lastAccessAt,
                            Instant expiresAt) {
        this.idHash = idHash;
        this.userId = userId;
        this.sessionGeneration = sessionGeneration;
        this.createdAt = createdAt;
        this.lastAccessAt = lastAccessAt;
        this.expiresAt = expiresAt;
    }

    public String getIdHash() { return idHash; }
    public Long getUserId() { return userId; }
    public int getSessionGeneration() { return sessionGeneration; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastAccessAt() { return lastAccessAt; }
    public Instant getExpiresAt() { return expiresAt; }
}
