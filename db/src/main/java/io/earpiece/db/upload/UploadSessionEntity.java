package io.earpiece.db.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A resumable upload in progress: the announced length and name. The offset is not stored here: the partial
 * file on disk is the truth, so a crash can never make the two disagree.
 */
@Entity
@Table(name = "upload_sessions")
public class UploadSessionEntity {

    @Id
    private String id;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "length_bytes", nullable = false)
    private long lengthBytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "job_id")
    private String jobId;

    @Column(name = "created_by")
    private String createdBy;

    protected UploadSessionEntity() {
    }

    public UploadSessionEntity(String id, String fileName, long lengthBytes, Instant createdAt, String createdBy) {
        this.id = id;
        this.fileName = fileName;
        this.lengthBytes = lengthBytes;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** The upload is complete and became {@code job}. */
    public void completed(String job) {
        this.jobId = job;
    }

    public String getId() { return id; }
    public String getFileName() { return fileName; }
    public long getLengthBytes() { return lengthBytes; }
    public Instant getCreatedAt() { return createdAt; }
    public String getJobId() { return jobId; }
    /** The user who started the upload; null when nobody was signed in. */
    public String getCreatedBy() { return createdBy; }
}
