package io.earpiece.db.assist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A whisper card shown during a call, and whether the rep used or dismissed it. */
@Entity
@Table(name = "call_cards")
public class CardEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(name = "card_key", nullable = false)
    private String cardKey;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, length = 2000)
    private String body;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private int utterance;

    @Column(name = "trigger_tag")
    private String trigger;

    @Column(name = "shown_at", nullable = false)
    private Instant shownAt;

    private String feedback;

    @Column(name = "feedback_at")
    private Instant feedbackAt;

    protected CardEntity() {
    }

    public CardEntity(String callId, String cardKey, String title, String body, int priority, int utterance,
                      String trigger, Instant shownAt) {
        this.callId = callId;
        this.cardKey = cardKey;
        this.title = title;
        this.body = body;
        this.priority = priority;
        this.utterance = utterance;
        this.trigger = trigger;
        this.shownAt = shownAt;
    }

    /** Records the rep's reaction; the first reaction counts. */
    public boolean react(String feedback, Instant at) {
        if (this.feedback != null) {
            return false;
        }
        this.feedback = feedback;
        this.feedbackAt = at;
        return true;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public String getCardKey() { return cardKey; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public int getPriority() { return priority; }
    public int getUtterance() { return utterance; }
    public String getTrigger() { return trigger; }
    public Instant getShownAt() { return shownAt; }
    public String getFeedback() { return feedback; }
    public Instant getFeedbackAt() { return feedbackAt; }
}
