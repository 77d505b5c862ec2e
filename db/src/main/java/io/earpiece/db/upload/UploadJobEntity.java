package io.earpiece.db.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The transcription job of one uploaded recording: the stored file and its checksum, where the job stands
 * (state, stage, percent) and, once {@code callStored}, the call it produced. {@code callId} is fixed when the
 * job is created, so a re-run after a restart can only ever produce that one call. Changes go through the
 * repository's targeted updates, so a progress write can never undo a concurrent state change.
 */
@Entity
@Table(name = "upload_jobs")
public class UploadJobEntity {

    @Id
    private String id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "stored_path", nullable = false)
    private String storedPath;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(nullable = false)
    private String container;

    @Column(nullable = false)
    private String source;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "rep_speaker")
    private String repSpeaker;

    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private String stage;

    @Column(nullable = false)
    private int percent;

    @Column(name = "eta_ms")
    private Long etaMs;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(length = 2000)
    private String reason;

    @Column(name = "call_stored", nullable = false)
    private boolean callStored;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "leased_until")
    private Instant leasedUntil;

    protected UploadJobEntity() {
    }

    public UploadJobEntity(String id, String callId, String fileName, String storedPath, long sizeBytes, String sha256,
                           String container, String source, String state, String stage, Long durationMs,
                           Instant createdAt) {
        this.id = id;
        this.callId = callId;
        this.fileName = fileName;
        this.storedPath = storedPath;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.container = container;
        this.source = source;
        this.state = state;
        this.stage = stage;
        this.durationMs = durationMs;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public String getId() { return id; }
    public String getCallId() { return callId; }
    public String getFileName() { return fileName; }
    public String getStoredPath() { return storedPath; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getContainer() { return container; }
    public String getSource() { return source; }

    /** The user who uploaded the file, or null when it came from the watched folder. */
    public String getUploadedBy() { return uploadedBy; }
    /** The speaker label analysed as the rep; null means "Speaker 1". */
    public String getRepSpeaker() { return repSpeaker; }
    public void setRepSpeaker(String repSpeaker) { this.repSpeaker = repSpeaker; }

    public void setUploadedBy(String uploadedBy) { this.uploadedBy = uploadedBy; }
    public String getState() { return state; }
    public String getStage() { return stage; }
    public int getPercent() { return percent; }
    public Long getEtaMs() { return etaMs; }
    public Long getDurationMs() { return durationMs; }
    public String getReason() { return reason; }
    public boolean isCallStored() { return callStored; }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    /** The node that claimed the job last, or null when none has. */
    public String getClaimedBy() { return claimedBy; }
    /** Until when that claim holds unless renewed; null: released. */
    public Instant getLeasedUntil() { return leasedUntil; }

    /** Claims the job for {@code node} until {@code until} (written when the claiming transaction commits). */
    public void claim(String node, Instant until) {
        this.claimedBy = node;
        this.leasedUntil = until;
    }
}
