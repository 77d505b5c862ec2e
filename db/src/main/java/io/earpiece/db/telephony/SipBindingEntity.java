package io.earpiece.db.telephony;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One registered device of a rep: its Contact and until when it is reachable. */
@Entity
@Table(name = "sip_bindings")
public class SipBindingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String contact;

    private String source;

    @Column(name = "sip_call_id", nullable = false)
    private String sipCallId;

    @Column(nullable = false)
    private long cseq;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "user_agent")
    private String userAgent;

    /** RFC 5626 +sip.instance of a flow binding, else null. */
    @Column(name = "instance_id")
    private String instanceId;

    /** RFC 5626 reg-id of a flow binding, else 0. */
    @Column(name = "reg_id", nullable = false)
    private int regId;

    protected SipBindingEntity() {
    }

    public SipBindingEntity(String username, String contact) {
        this.username = username;
        this.contact = contact;
    }

    /** Refreshes the binding from a new REGISTER. */
    public void refresh(String source, String sipCallId, long cseq, Instant expiresAt, String userAgent) {
        this.source = source;
        this.sipCallId = sipCallId;
        this.cseq = cseq;
        this.expiresAt = expiresAt;
        this.userAgent = userAgent;
    }

    /** Records the RFC 5626 flow the REGISTER made (null and 0 for none). */
    public void flow(String instanceId, int regId) {
        this.instanceId = instanceId;
        this.regId = regId;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getContact() { return contact; }
    public String getSource() { return source; }
    public String getSipCallId() { return sipCallId; }
    public long getCseq() { return cseq; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getUserAgent() { return userAgent; }
    public String getInstanceId() { return instanceId; }
    public int getRegId() { return regId; }
}
