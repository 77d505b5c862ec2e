package io.earpiece.db.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored objection, who raised it (the customer, or a further party such as "customer-2"; null on rows stored
 * before V50, which were the customer's) and the rep's response (null when unanswered).
 */
@Entity
@Table(name = "summary_objections")
public class ObjectionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private int utterance;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false, length = 8000)
    private String said;

    @Column(length = 8000)
    private String response;

    @Column(name = "raised_by", length = 64)
    private String raisedBy;

    protected ObjectionEntity() {
    }

    public ObjectionEntity(String callId, int seq, int utterance, String kind, String said, String response,
                           String raisedBy) {
        this.callId = callId;
        this.seq = seq;
        this.utterance = utterance;
        this.kind = kind;
        this.said = said;
        this.response = response;
        this.raisedBy = raisedBy;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public int getSeq() { return seq; }
    public int getUtterance() { return utterance; }
    public String getKind() { return kind; }
    public String getSaid() { return said; }
    public String getResponse() { return response; }
    /** The party that raised it: "customer" for rows stored before the column existed. */
    public String getRaisedBy() { return raisedBy == null ? "customer" : raisedBy; }
}
