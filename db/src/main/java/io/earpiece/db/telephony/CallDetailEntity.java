package io.earpiece.db.telephony;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The call detail record of one relayed (B2BUA) call. {@code conversationId} links it to the call whose parties
 * and transcript are stored in {@code calls}; the packet counts are what the relay forwarded from each side.
 */
@Entity
@Table(name = "call_details")
public class CallDetailEntity {

    @Id
    private String id;

    @Column(name = "conversation_id")
    private String conversationId;

    @Column(nullable = false)
    private String direction;

    @Column(name = "rep_username", nullable = false)
    private String repUsername;

    private String remote;

    @Column(name = "trunk_id")
    private String trunkId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(nullable = false)
    private String disposition;

    @Column(name = "final_status", nullable = false)
    private int finalStatus;

    @Column(name = "ended_by")
    private String endedBy;

    @Column(name = "rep_packets_forwarded", nullable = false)
    private long repPacketsForwarded;

    @Column(name = "customer_packets_forwarded", nullable = false)
    private long customerPacketsForwarded;

    protected CallDetailEntity() {
    }

    public CallDetailEntity(String id, String direction, String repUsername, String remote, String trunkId,
                            Instant startedAt) {
        this.id = id;
        this.direction = direction;
        this.repUsername = repUsername;
        this.remote = remote;
        this.trunkId = trunkId;
        this.startedAt = startedAt;
        this.disposition = "IN_PROGRESS";
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    /** Records the latest state of the call (answer, end). */
    /** @param repUsername the rep who has the call: the dialled rep, or the fallback rep whose device answered */
    public void update(String repUsername, Instant answeredAt, Instant endedAt, String disposition, int finalStatus,
                       String endedBy) {
        this.repUsername = repUsername;
        this.answeredAt = answeredAt;
        this.endedAt = endedAt;
        this.disposition = disposition;
        this.finalStatus = finalStatus;
        this.endedBy = endedBy;
    }

    public void setPacketsForwarded(long fromRep, long fromCustomer) {
        this.repPacketsForwarded = fromRep;
        this.customerPacketsForwarded = fromCustomer;
    }

    public String getId() { return id; }
    public String getConversationId() { return conversationId; }
    public String getDirection() { return direction; }
    public String getRepUsername() { return repUsername; }
    public String getRemote() { return remote; }
    public String getTrunkId() { return trunkId; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getDisposition() { return disposition; }
    public int getFinalStatus() { return finalStatus; }
    public String getEndedBy() { return endedBy; }
    public long getRepPacketsForwarded() { return repPacketsForwarded; }
    public long getCustomerPacketsForwarded() { return customerPacketsForwarded; }
}
