package io.earpiece.db.outbox;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

import java.time.Instant;
import java.util.List;

/** Stored outbox jobs. */
public interface OutboxJobRepository extends JpaRepository<OutboxJobEntity, String> {

    /**
     * Pending jobs due at {@code now} whose lease (if any) ran out, oldest due first, row-locked so two workers
     * in different JVMs cannot claim the same job (PostgreSQL skips rows another claim holds).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select j from OutboxJobEntity j where j.state = 'PENDING' and j.dueAt <= :now "
            + "and (j.leasedUntil is null or j.leasedUntil <= :now) order by j.dueAt asc, j.id asc")
    List<OutboxJobEntity> findClaimable(Instant now, Pageable page);

    Page<OutboxJobEntity> findAllByOrderByCreatedAtDescIdAsc(Pageable page);

    List<OutboxJobEntity> findByCallIdOrderByExporterAsc(String callId);

    /** Jobs in {@code state} (PENDING, DELIVERED, FAILED), for the metrics. */
    long countByState(String state);
}
