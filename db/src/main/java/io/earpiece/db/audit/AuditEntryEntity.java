package io.earpiece.db.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One row of the audit log: an admin action or a sign-in outcome. Never changed once stored. */
@Entity
@Table(name = "audit_log")
public class AuditEntryEntity {

    static final int ACTOR_MAX = 128;
    static final int TARGET_MAX = 256;
    static final int DETAIL_MAX = 1024;
    static final int SOURCE_MAX = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String actor;

    @Column(nullable = false)
    private String action;

    private String target;

    private String detail;

    private String source;

    protected AuditEntryEntity() {
    }

    /**
     * Values longer than their column are cut (a username tried at sign-in is whatever the client sent).
     *
     * @param actor  who acted, or for a failed sign-in the username tried; null when none was given
     * @param action what was done, e.g. {@code user.create}, {@code login.failure}
     * @param target what it was done to, or null
     * @param source the client address, or null when unknown
     */
    public AuditEntryEntity(Instant occurredAt, String actor, String action, String target, String detail,
                            String source) {
        this.occurredAt = occurredAt;
        this.actor = cut(actor, ACTOR_MAX);
        this.action = action;
        this.target = cut(target, TARGET_MAX);
        this.detail = cut(detail, DETAIL_MAX);
        this.source = cut(source, SOURCE_MAX);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getSource() {
        return source;
    }
}
