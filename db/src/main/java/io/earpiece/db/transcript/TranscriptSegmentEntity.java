package io.earpiece.db.transcript;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A final transcript segment of one party, times in milliseconds of that party's media time. */
@Entity
@Table(name = "transcript_segments")
public class TranscriptSegmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(nullable = false)
    private String party;

    @Column(name = "seg_index", nullable = false)
    private int index;

    @Column(name = "start_ms", nullable = false)
    private long startMs;

    @Column(name = "end_ms", nullable = false)
    private long endMs;

    @Column(nullable = false, length = 8000)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TranscriptSegmentEntity() {
    }

    public TranscriptSegmentEntity(String callId, String party, int index, long startMs, long endMs, String text,
                                   Instant createdAt) {
        this.callId = callId;
        this.party = party;
        this.index = index;
        this.startMs = startMs;
        this.endMs = endMs;
        this.text = text;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public String getParty() { return party; }
    public int getIndex() { return index; }
    public long getStartMs() { return startMs; }
    public long getEndMs() { return endMs; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
}
