package io.earpiece.db.upload;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Stored upload jobs. The updates touch only the columns they name and never a job that already ended, so the
 * progress writer, the job runner and a cancel cannot overwrite each other's changes.
 */
public interface UploadJobRepository extends JpaRepository<UploadJobEntity, String> {

    List<UploadJobEntity> findAllByOrderByCreatedAtDesc(Pageable page);

    /**
     * Open jobs a node may claim, oldest first: nobody's claim holds them (none, released, or run out), or they are
     * {@code owner}'s from an earlier run of that node, or {@code any} (a node alone on its database owns them all).
     * Row-locked with {@code SKIP LOCKED} on PostgreSQL, so nodes claiming at the same moment never get the same
     * job: each skips the rows another's claim holds, and once that claim commits the rows no longer match.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select j from UploadJobEntity j where j.state in ('QUEUED', 'RUNNING') and (:any = true "
            + "or j.leasedUntil is null or j.leasedUntil <= :now or j.claimedBy = :owner) "
            + "order by j.createdAt asc, j.id asc")
    List<UploadJobEntity> findClaimable(Instant now, String owner, boolean any, Pageable page);

    /** Extends {@code owner}'s claims on {@code ids} until {@code until}; a claim another node took is left alone. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UploadJobEntity j set j.leasedUntil = :until where j.id in :ids and j.claimedBy = :owner")
    int renewClaims(Collection<String> ids, String owner, Instant until);

    /** Lets another node claim the job at once (this one stops running it); the claimant's name stays. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UploadJobEntity j set j.leasedUntil = null where j.id = :id and j.claimedBy = :owner")
    int releaseClaim(String id, String owner);

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
