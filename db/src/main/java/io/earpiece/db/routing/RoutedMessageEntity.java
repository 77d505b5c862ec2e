package io.earpiece.db.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One thing a routing rule did for a call: a message to one recipient (delivered by the export outbox job named
 * in {@code outboxJobId}) or an action settled at once (an assignment, a recipient without an address), whose
 * {@code state} and {@code outcome} say how it ended.
 */
@Entity
@Table(name = "routed_messages")
public class RoutedMessageEntity {

    @Id
    private String id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(nullable = false)
    private int seq;

    @Column(name = "rule_name", nullable = false)
    private String ruleName;

    @Column(nullable = false)
    private boolean escalation;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(nullable = false, length = 4000)
    private String matched;

    @Column(nullable = false)
    private String channel;

    @Column(nullable = false, length = 500)
    private String recipient;

    @Column(length = 2000)
    private String target;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false, length = 8000)
    private String body;

    @Column(name = "outbox_job_id")
    private String outboxJobId;

    private String state;

    @Column(length = 500)
    private String outcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RoutedMessageEntity() {
    }

    public RoutedMessageEntity(String id, String callId, int seq, String ruleName, boolean escalation, String reason,
                               String matched, String channel, String recipient, String target, String subject,
                               String body, Instant createdAt) {
        this.id = id;
        this.callId = callId;
        this.seq = seq;
        this.ruleName = ruleName;
        this.escalation = escalation;
        this.reason = reason;
        this.matched = matched;
        this.channel = channel;
        this.recipient = recipient;
        this.target = target;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getCallId() { return callId; }
    public int getSeq() { return seq; }
    public String getRuleName() { return ruleName; }
    public boolean isEscalation() { return escalation; }
    public String getReason() { return reason; }
    public String getMatched() { return matched; }
    public String getChannel() { return channel; }
    public String getRecipient() { return recipient; }
    public String getTarget() { return target; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getOutboxJobId() { return outboxJobId; }
    public String getState() { return state; }
    public String getOutcome() { return outcome; }
    public Instant getCreatedAt() { return createdAt; }

    /** Hands delivery to an outbox job. */
    public void deliverBy(String jobId) {
        this.outboxJobId = jobId;
    }

    /** Settles it without a delivery ({@code state} e.g. ASSIGNED, NOT_SENT), with the reason shown. */
    public void settle(String state, String outcome) {
        this.state = state;
        this.outcome = outcome;
    }
}
