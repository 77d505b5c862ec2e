package io.earpiece.db.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Failed sign-ins of one key ({@code user:NAME} or {@code addr:ADDRESS}) and its lock (see V21__login_lockouts.sql).
 */
@Entity
@Table(name = "login_lockouts")
public class LoginLockoutEntity {

    @Id
    @Column(name = "lock_key", nullable = false, length = 200)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(nullable = false)
    private int locks;

    @Column(name = "last_failure", nullable = false)
    private Instant lastFailure;

    @Column(name = "locked_until", nullable = false)
    private Instant lockedUntil;

    @Column(name = "forgotten_at", nullable = false)
    private Instant forgottenAt;

    protected LoginLockoutEntity() {
    }

    public LoginLockoutEntity(String key) {
        this.key = key;
    }

    public void set(int failures, int locks, Instant lastFailure, Instant lockedUntil, Instant forgottenAt) {
        this.failures = failures;
        this.locks = locks;
        this.lastFailure = lastFailure;
        this.lockedUntil = lockedUntil;
        this.forgottenAt = forgottenAt;
    }

    public String getKey() { return key; }
    public int getFailures() { return failures; }
    public int getLocks() { return locks; }
    public Instant getLastFailure() { return lastFailure; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Instant getForgottenAt() { return forgottenAt; }
}
