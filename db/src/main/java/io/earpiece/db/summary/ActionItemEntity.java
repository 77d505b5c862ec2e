package io.earpiece.db.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A stored action item: who owes what, the due time as said and resolved to a date (null when unresolved). */
@Entity
@Table(name = "summary_action_items")
public class ActionItemEntity {

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
    private String owner;

    @Column(nullable = false, length = 2000)
    private String what;

    @Column(name = "due_text")
    private String dueText;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by")
    private String doneBy;

    /** The user a routing rule gave the item to; null when none did. */
    private String assignee;

    protected ActionItemEntity() {
    }

    public ActionItemEntity(String callId, int seq, int utterance, String owner, String what, String dueText, LocalDate dueDate) {
        this.callId = callId;
        this.seq = seq;
        this.utterance = utterance;
        this.owner = owner;
        this.what = what;
        this.dueText = dueText;
        this.dueDate = dueDate;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public int getSeq() { return seq; }
    public int getUtterance() { return utterance; }
    public String getOwner() { return owner; }
    public String getWhat() { return what; }
    public String getDueText() { return dueText; }
    public LocalDate getDueDate() { return dueDate; }
    public Instant getDoneAt() { return doneAt; }
    public String getDoneBy() { return doneBy; }
    public String getAssignee() { return assignee; }

    public void assignTo(String username) {
        this.assignee = username;
    }

    /** Ticks the item off as done by {@code user} at {@code at}, or reopens it when {@code at} is null. */
    public void markDone(Instant at, String user) {
        this.doneAt = at;
        this.doneBy = at == null ? null : user;
    }
}
