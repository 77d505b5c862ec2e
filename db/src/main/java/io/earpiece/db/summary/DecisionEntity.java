package io.earpiece.db.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored decision with who stated it. */
@Entity
@Table(name = "summary_decisions")
public class DecisionEntity {

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
    private String speaker;

    @Column(nullable = false, length = 8000)
    private String text;

    protected DecisionEntity() {
    }

    public DecisionEntity(String callId, int seq, int utterance, String speaker, String text) {
        this.callId = callId;
        this.seq = seq;
        this.utterance = utterance;
        this.speaker = speaker;
        this.text = text;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public int getSeq() { return seq; }
    public int getUtterance() { return utterance; }
    public String getSpeaker() { return speaker; }
    public String getText() { return text; }
}
