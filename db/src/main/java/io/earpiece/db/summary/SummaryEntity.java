package io.earpiece.db.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** The stored after-call summary of one call; its lists live in the item entities keyed by the same call id. */
@Entity
@Table(name = "call_summaries")
public class SummaryEntity {

    @Id
    @Column(name = "call_id")
    private String callId;

    @Column(name = "call_date", nullable = false)
    private LocalDate callDate;

    @Column(name = "call_type", nullable = false)
    private String callType;

    @Column(nullable = false)
    private String priority;

    @Column(name = "abstract_text", nullable = false, length = 8000)
    private String abstractText;

    @Column(name = "summary_text", nullable = false, length = 16000)
    private String summaryText;

    @Column(name = "sentiment_label", nullable = false)
    private String sentimentLabel;

    @Column(name = "sentiment_overall", nullable = false)
    private double sentimentOverall;

    @Column(name = "sentiment_opening", nullable = false)
    private double sentimentOpening;

    @Column(name = "sentiment_closing", nullable = false)
    private double sentimentClosing;

    /** Customer sentiment points as "utterance@seconds=score" joined by ';' (small, read whole). */
    @Column(name = "sentiment_timeline", length = 8000)
    private String sentimentTimeline;

    /** "offline" or "llm:PROVIDER": what wrote the summary. */
    @Column(nullable = false)
    private String engine;

    /** Why the offline summary was stored although a model was configured ("timeout", ...); null otherwise. */
    @Column(name = "engine_fallback", length = 32)
    private String engineFallback;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SummaryEntity() {
    }

    public SummaryEntity(String callId, LocalDate callDate, String callType, String priority, String abstractText,
                         String summaryText, String sentimentLabel, double sentimentOverall, double sentimentOpening,
                         double sentimentClosing, String sentimentTimeline, String engine, Instant createdAt) {
        this.callId = callId;
        this.callDate = callDate;
        this.callType = callType;
        this.priority = priority;
        this.abstractText = abstractText;
        this.summaryText = summaryText;
        this.sentimentLabel = sentimentLabel;
        this.sentimentOverall = sentimentOverall;
        this.sentimentOpening = sentimentOpening;
        this.sentimentClosing = sentimentClosing;
        this.sentimentTimeline = sentimentTimeline;
        this.engine = engine;
        this.createdAt = createdAt;
    }

    public String getCallId() { return callId; }
    public LocalDate getCallDate() { return callDate; }
    public String getCallType() { return callType; }
    public String getPriority() { return priority; }
    public String getAbstractText() { return abstractText; }
    public String getSummaryText() { return summaryText; }
    public String getSentimentLabel() { return sentimentLabel; }
    public double getSentimentOverall() { return sentimentOverall; }
    public double getSentimentOpening() { return sentimentOpening; }
    public double getSentimentClosing() { return sentimentClosing; }
    public String getSentimentTimeline() { return sentimentTimeline; }
    public String getEngine() { return engine; }
    public String getEngineFallback() { return engineFallback; }
    public void setEngineFallback(String engineFallback) { this.engineFallback = engineFallback; }
    public Instant getCreatedAt() { return createdAt; }
}
