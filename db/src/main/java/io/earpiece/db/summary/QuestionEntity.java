package io.earpiece.db.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored question: who asked, its topic, and the other party's answer (null when none came). */
@Entity
@Table(name = "summary_questions")
public class QuestionEntity {

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
    private String asker;

    @Column(nullable = false)
    private String topic;

    @Column(nullable = false, length = 8000)
    private String text;

    @Column(length = 8000)
    private String answer;

    protected QuestionEntity() {
    }

    public QuestionEntity(String callId, int seq, int utterance, String asker, String topic, String text, String answer) {
        this.callId = callId;
        this.seq = seq;
        this.utterance = utterance;
        this.asker = asker;
        this.topic = topic;
        this.text = text;
        this.answer = answer;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public int getSeq() { return seq; }
    public int getUtterance() { return utterance; }
    public String getAsker() { return asker; }
    public String getTopic() { return topic; }
    public String getText() { return text; }
    public String getAnswer() { return answer; }
}
