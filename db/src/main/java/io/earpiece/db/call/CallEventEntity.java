package io.earpiece.db.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Something that happened on a call besides speech: a DTMF digit a party pressed, or a party putting the call on
 * hold or taking it off.
 */
@Entity
@Table(name = "call_events")
public class CallEventEntity {

    /** Event kinds as stored in {@code kind}. */
    public static final String DTMF = "dtmf";
    public static final String HOLD = "hold";
    public static final String RESUME = "resume";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    private String party;

    @Column(nullable = false)
    private String kind;

    private String detail;

    @Column(name = "duration_ms")
    private Integer durationMs;

    @Column(name = "offset_ms", nullable = false)
    private long offsetMs;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected CallEventEntity() {
    }

    /**
     * @param detail     the digit for DTMF, else null
     * @param durationMs how long the digit was held, or null
     * @param offsetMs   for DTMF the media time of the digit in the party's stream (the time base of its
     *                   transcript segments); otherwise milliseconds since the call started
     */
    public CallEventEntity(String callId, String party, String kind, String detail, Integer durationMs,
                           long offsetMs, Instant occurredAt) {
        this.callId = callId;
        this.party = party;
        this.kind = kind;
        this.detail = detail;
        this.durationMs = durationMs;
        this.offsetMs = offsetMs;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public String getCallId() {
        return callId;
    }

    public String getParty() {
        return party;
    }

    public String getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }

    public Integer getDurationMs() {
        return durationMs;
    }

    public long getOffsetMs() {
        return offsetMs;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
