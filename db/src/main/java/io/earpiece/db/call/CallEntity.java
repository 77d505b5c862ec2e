package io.earpiece.db.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** One conversation: one or more SIP legs (parties) that share a conversation id. */
@Entity
@Table(name = "calls")
public class CallEntity {

    @Id
    private String id;

    @Column(name = "conversation_id", nullable = false)
    private String conversationId;

    @Column(name = "from_uri")
    private String fromUri;

    @Column(name = "to_uri")
    private String toUri;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallStatus status;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "end_reason")
    private String endReason;

    /** The SIPREC recording session (rs-metadata session id) the call was recorded from, or null. */
    @Column(name = "recording_session_id")
    private String recordingSessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CallTranscription transcription = CallTranscription.LIVE;

    /** The cluster node that answered the call (V25); null on a node running alone. */
    @Column(name = "node_id", length = 200)
    private String nodeId;

    protected CallEntity() {
    }

    public CallEntity(String id, String conversationId, String fromUri, String toUri, Instant startedAt) {
        this.id = id;
        this.conversationId = conversationId;
        this.fromUri = fromUri;
        this.toUri = toUri;
        this.startedAt = startedAt;
        this.status = CallStatus.ACTIVE;
    }

    /** Marks the call over; the duration runs from the first leg's start to the last leg's end. */
    public void end(Instant at, String reason) {
        this.status = CallStatus.ENDED;
        this.endedAt = at;
        this.durationMs = Duration.between(startedAt, at).toMillis();
        this.endReason = reason;
    }

    public String getId() { return id; }
    public String getConversationId() { return conversationId; }
    public String getFromUri() { return fromUri; }
    public String getToUri() { return toUri; }
    public CallStatus getStatus() { return status; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public Long getDurationMs() { return durationMs; }
    public String getEndReason() { return endReason; }
    public CallTranscription getTranscription() { return transcription; }
    public String getRecordingSessionId() { return recordingSessionId; }

    public void setRecordingSessionId(String recordingSessionId) {
        this.recordingSessionId = recordingSessionId;
    }

    public String getNodeId() { return nodeId; }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public void setTranscription(CallTranscription transcription) {
        this.transcription = transcription;
    }
}
