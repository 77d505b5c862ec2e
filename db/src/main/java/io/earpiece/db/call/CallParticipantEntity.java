package io.earpiece.db.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A participant of a SIPREC-recorded call as its recording client named it: who they are, which stream labels they
 * send on, whether the client said caller or callee, and the Earpiece party they are heard in.
 */
@Entity
@Table(name = "call_participants")
public class CallParticipantEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    private String name;

    private String aor;

    private String number;

    /** "caller", "callee" or "unknown". */
    @Column(nullable = false)
    private String role;

    /** Comma-separated stream labels. */
    @Column(nullable = false)
    private String labels;

    /** "rep", "customer", "mixed", or null when none of its streams is recorded. */
    private String party;

    protected CallParticipantEntity() {
    }

    public CallParticipantEntity(String callId, String name, String aor, String number, String role, String labels,
                                 String party) {
        this.callId = callId;
        this.name = name;
        this.aor = aor;
        this.number = number;
        this.role = role;
        this.labels = labels;
        this.party = party;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public String getName() { return name; }
    public String getAor() { return aor; }
    public String getNumber() { return number; }
    public String getRole() { return role; }
    public String getLabels() { return labels; }
    public String getParty() { return party; }
}
