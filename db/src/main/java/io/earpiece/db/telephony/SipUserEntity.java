package io.earpiece.db.telephony;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A rep's SIP account: the digest HA1 per algorithm for one realm; the password itself is never stored. */
@Entity
@Table(name = "sip_users")
public class SipUserEntity {

    @Id
    private String username;

    @Column(nullable = false)
    private String realm;

    @Column(name = "ha1_md5", nullable = false)
    private String ha1Md5;

    @Column(name = "ha1_sha256", nullable = false)
    private String ha1Sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Media encryption: off, optional or mandatory (V17). */
    @Column(nullable = false, length = 16)
    private String srtp = "optional";

    protected SipUserEntity() {
    }

    public SipUserEntity(String username, String realm, String ha1Md5, String ha1Sha256, Instant at) {
        this.username = username;
        this.realm = realm;
        this.ha1Md5 = ha1Md5;
        this.ha1Sha256 = ha1Sha256;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Replaces the secrets after a password change (the realm may change with them). */
    public void rekey(String realm, String ha1Md5, String ha1Sha256, Instant at) {
        this.realm = realm;
        this.ha1Md5 = ha1Md5;
        this.ha1Sha256 = ha1Sha256;
        this.updatedAt = at;
    }

    public String getUsername() { return username; }
    public String getRealm() { return realm; }
    public String getHa1Md5() { return ha1Md5; }
    public String getHa1Sha256() { return ha1Sha256; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    public String getSrtp() { return srtp; }

    public void setSrtp(String srtp, Instant at) {
        this.srtp = srtp;
        this.updatedAt = at;
    }
}
