package io.earpiece.db.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored objection the customer raised and the rep's response (null when unanswered). */
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

    protected ObjectionEntity() {
    }

    public ObjectionEntity(String callId, int seq, int utterance, String kind, String said, String response) {
        this.callId = callId;
        this.seq = seq;
        this.utterance = utterance;
        this.kind = kind;
        this.said = said;
        this.response = response;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public int getSeq() { return seq; }
    public int getUtterance() { return utterance; }
    public String getKind() { return kind; }
    public String getSaid() { return said; }
    public String getResponse() { return response; }
}
