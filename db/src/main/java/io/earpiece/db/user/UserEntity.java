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

/** A console user: credentials (hashed), role, team, and the SIP identities that mark their calls. */
@Entity
@Table(name = "users")
public class UserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserRole role;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "sip_user")
    private String sipUser;

    private String extension;

    @Column(nullable = false)
    private boolean enabled;

    /** Where notifications to this user go (routing's "team lead"); null when none is known. */
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The name the user goes by on calls; null: not set. */
    @Column(name = "display_name", length = 128)
    private String displayName;

    /** Cookie sessions remember this at sign-in; bumping it ends all of them (see V14). */
    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    protected UserEntity() {
    }

    public UserEntity(String username, String passwordHash, UserRole role, Long teamId, String sipUser,
                      String extension, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.teamId = teamId;
        this.sipUser = sipUser;
        this.extension = extension;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    /** Replaces the stored hash; the caller has hashed the new password. */
    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Allows or refuses sign-in; the caller ends existing sign-ins when disabling. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Moves the user to a team (null: none) and sets the SIP user and extension their calls are matched by (null:
     * none). Sign-ins stay: a team or line is read where it is used, not kept in the session.
     */
    public void assign(Long teamId, String sipUser, String extension) {
        this.teamId = teamId;
        this.sipUser = sipUser;
        this.extension = extension;
    }

    /** Changes what the user may do; the caller ends existing sign-ins, which carry the old role. */
    public void setRole(UserRole role) {
        this.role = role;
    }

    /** Makes every cookie session signed in before this call stop counting. */
    public void newSessionGeneration() {
        this.sessionGeneration++;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public UserRole getRole() { return role; }
    public Long getTeamId() { return teamId; }
    public String getSipUser() { return sipUser; }
    public String getExtension() { return extension; }
    public boolean isEnabled() { return enabled; }
    public String getEmail() { return email; }

    /** Sets or (with null) clears the user's e-mail address; the caller has checked it. */
    public void setEmail(String email) {
        this.email = email;
    }
    public Instant getCreatedAt() { return createdAt; }
    public int getSessionGeneration() { return sessionGeneration; }
    public String getDisplayName() { return displayName; }

    /** The name the user goes by on calls (null or blank: none). */
    public void setDisplayName(String displayName) {
        this.displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }
}
