package io.earpiece.db.call;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored calls. */
public interface CallRepository extends JpaRepository<CallEntity, String> {

    Page<CallEntity> findAllByOrderByStartedAtDesc(Pageable page);

    List<CallEntity> findByStatus(CallStatus status);

    /** The calls a node left in {@code status} (cluster mode: a node's own orphans, or a lost node's calls). */
    List<CallEntity> findByStatusAndNodeId(CallStatus status, String nodeId);

    /** Ends the call if it is still active; 1 when this update ended it. */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query("update CallEntity c set c.status = "
            + "io.earpiece.db.call.CallStatus.ENDED, c.endedAt = :at, c.durationMs = :durationMs, c.endReason = :reason "
            + "where c.id = :id and c.status = io.earpiece.db.call.CallStatus.ACTIVE")
    int endIfActive(String id, java.time.Instant at, long durationMs, String reason);

    /** Nodes that have calls in {@code status}. */
    @org.springframework.data.jpa.repository.Query(
            "select distinct c.nodeId from CallEntity c where c.status = :status and c.nodeId is not null")
    List<String> nodesWithCalls(CallStatus status);

    List<CallEntity> findByStatusAndTranscription(CallStatus status, CallTranscription transcription);
}
