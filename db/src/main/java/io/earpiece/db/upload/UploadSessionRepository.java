package io.earpiece.db.upload;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored resumable upload sessions. */
public interface UploadSessionRepository extends JpaRepository<UploadSessionEntity, String> {
}
