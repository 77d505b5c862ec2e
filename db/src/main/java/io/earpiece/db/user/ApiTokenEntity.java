package io.earpiece.db.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A bearer credential of a user, stored only as the hash of the token the user holds. */
@Entity
@Table(name = "api_tokens")
public class ApiTokenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApiTokenKind kind;

    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ApiTokenEntity() {
    }

    public ApiTokenEntity(String tokenHash, Long userId, ApiTokenKind kind, String name, Instant createdAt,
                          Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.kind = kind;
        this.name = name;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the token may still be used at {@code now}; API keys have no expiry. */
    public boolean isValidAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    public Long getId() { return id; }
    public String getTokenHash() { return tokenHash; }
    public Long getUserId() { return userId; }
    public ApiTokenKind getKind() { return kind; }
    public String getName() { return name; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
}
