package io.earpiece.db.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One speaker of a call: its label as a party ({@code Speaker 1} of a recording, {@code rep} or {@code customer-2}
 * of a live call), the role the assist engine analysed it as ({@code rep} or {@code customer}), the name it is
 * shown by and where that name came from ({@link NameSource}).
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

    @Column(name = "name_source", nullable = false, length = 16)
    private String nameSource;

    /** The name finder's confidence where the name was said in the call; null otherwise. */
    @Column(name = "name_confidence")
    private Double nameConfidence;

    protected CallSpeakerEntity() {
    }

    public CallSpeakerEntity(String callId, String speaker, String role, String displayName) {
        this.callId = callId;
        this.speaker = speaker;
        this.role = role;
        this.displayName = displayName;
        this.nameSource = NameSource.ROLE.value();
    }

    /** A name a person gave: it sticks, no later naming replaces it. */
    public void rename(String name) {
        name(name, NameSource.USER, null);
    }

    /** Names the speaker from {@code source}, with the name finder's confidence for a name said in the call. */
    public void name(String name, NameSource source, Double confidence) {
        this.displayName = name;
        this.nameSource = source.value();
        this.nameConfidence = confidence;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public String getSpeaker() { return speaker; }
    public String getRole() { return role; }
    public String getDisplayName() { return displayName; }
    public NameSource getNameSource() { return NameSource.of(nameSource); }
    public Double getNameConfidence() { return nameConfidence; }
}
