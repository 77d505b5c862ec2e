package io.earpiece.db.telephony;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A browser softphone's SIP credential, bound to one stored browser sign-in (see V28__softphone_credentials.sql):
 * the HA1s of a random password handed to that session once.
 */
@Entity
@Table(name = "softphone_credentials")
public class SoftphoneCredentialEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_hash", nullable = false, length = 64)
    private String sessionHash;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    @Column(name = "sip_user", nullable = false)
    private String sipUser;

    @Column(nullable = false)
    private String realm;

    @Column(name = "ha1_md5", nullable = false)
    private String ha1Md5;

    @Column(name = "ha1_sha256", nullable = false)
    private String ha1Sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SoftphoneCredentialEntity() {
    }

    public SoftphoneCredentialEntity(String sessionHash, Long userId, int sessionGeneration, String sipUser,
                                     String realm, String ha1Md5, String ha1Sha256, Instant createdAt) {
        this.sessionHash = sessionHash;
        this.userId = userId;
        this.sessionGeneration = sessionGeneration;
        this.sipUser = sipUser;
        this.realm = realm;
        this.ha1Md5 = ha1Md5;
        this.ha1Sha256 = ha1Sha256;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getSessionHash() { return sessionHash; }
    public Long getUserId() { return userId; }
    public int getSessionGeneration() { return sessionGeneration; }
    public String getSipUser() { return sipUser; }
    public String getRealm() { return realm; }
    public String getHa1Md5() { return ha1Md5; }
    public String getHa1Sha256() { return ha1Sha256; }
    public Instant getCreatedAt() { return createdAt; }
}
