package io.earpiece.db.call;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** Stored call events (DTMF, hold, resume). */
public interface CallEventRepository extends JpaRepository<CallEventEntity, Long> {

    /** A call's events in the order they were stored. */
    List<CallEventEntity> findByCallIdOrderByIdAsc(String callId);

    /** Whether an event of this kind, of this party (or of none), at this millisecond of the call is stored. */
    @Query("select count(e) > 0 from CallEventEntity e where e.callId = :callId and e.kind = :kind"
            + " and e.offsetMs = :offsetMs and (e.party = :party or (:party is null and e.party is null))")
    boolean exists(@Param("callId") String callId, @Param("party") String party, @Param("kind") String kind,
                   @Param("offsetMs") long offsetMs);
}
