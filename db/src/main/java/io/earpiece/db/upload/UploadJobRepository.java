package io.earpiece.db.upload;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Stored upload jobs. The updates touch only the columns they name and never a job that already ended, so the
 * progress writer, the job runner and a cancel cannot overwrite each other's changes.
 */
public interface UploadJobRepository extends JpaRepository<UploadJobEntity, String> {

    List<UploadJobEntity> findByStateInOrderByCreatedAtAsc(Collection<String> states);

    List<UploadJobEntity> findAllByOrderByCreatedAtDesc(Pageable page);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UploadJobEntity j set j.state = :state, j.stage = :stage, j.percent = :percent, j.etaMs = :etaMs, "
            + "j.updatedAt = :now where j.id = :id and j.state in ('QUEUED', 'RUNNING')")
    int updateProgress(String id, String state, String stage, int percent, Long etaMs, Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UploadJobEntity j set j.state = 'RUNNING', j.attempts = j.attempts + 1, j.updatedAt = :now "
            + "where j.id = :id and j.state in ('QUEUED', 'RUNNING')")
    int markStarted(String id, Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UploadJobEntity j set j.callStored = true, j.durationMs = :durationMs, j.updatedAt = :now "
            + "where j.id = :id")
    int markCallStored(String id, long durationMs, Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UploadJobEntity j set j.state = :state, j.stage = :stage, j.percent = :percent, j.etaMs = null, "
            + "j.reason = :reason, j.finishedAt = :now, j.updatedAt = :now "
            + "where j.id = :id and j.state in ('QUEUED', 'RUNNING')")
    int finish(String id, String state, String stage, int percent, String reason, Instant now);

    /** Jobs in {@code state}, for the metrics. */
    long countByState(String state);
}
