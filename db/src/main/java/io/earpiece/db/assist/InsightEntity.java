package io.earpiece.db.assist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A tag the assist engine found on one utterance of a call (objection, question, action item, ...). */
@Entity
@Table(name = "call_insights")
public class InsightEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(nullable = false)
    private int utterance;

    @Column(nullable = false)
    private String party;

    @Column(nullable = false)
    private String tag;

    @Column(length = 2000)
    private String details;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InsightEntity() {
    }

    public InsightEntity(String callId, int utterance, String party, String tag, String details, Instant createdAt) {
        this.callId = callId;
        this.utterance = utterance;
        this.party = party;
        this.tag = tag;
        this.details = details;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public int getUtterance() { return utterance; }
    public String getParty() { return party; }
    public String getTag() { return tag; }
    public String getDetails() { return details; }
    public Instant getCreatedAt() { return createdAt; }
}
