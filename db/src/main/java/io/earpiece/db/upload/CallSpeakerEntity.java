package io.earpiece.db.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One speaker of a call that came from a recording: its label as a party ({@code Speaker 1}), the role the assist
 * engine analysed it as ({@code rep} or {@code customer}) and the name users gave it.
 */
@Entity
@Table(name = "call_speakers")
public class CallSpeakerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(nullable = false)
    private String speaker;

    @Column(nullable = false)
    private String role;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    protected CallSpeakerEntity() {
    }

    public CallSpeakerEntity(String callId, String speaker, String role, String displayName) {
        this.callId = callId;
        this.speaker = speaker;
        this.role = role;
        this.displayName = displayName;
    }

    public void rename(String name) {
        this.displayName = name;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public String getSpeaker() { return speaker; }
    public String getRole() { return role; }
    public String getDisplayName() { return displayName; }
}
