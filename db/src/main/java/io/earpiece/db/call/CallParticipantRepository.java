package io.earpiece.db.call;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** Stored SIPREC participants of calls. */
public interface CallParticipantRepository extends JpaRepository<CallParticipantEntity, Long> {

    List<CallParticipantEntity> findByCallIdOrderByIdAsc(String callId);

    /** Clears a call's participants before a metadata update stores the new list. */
    @Modifying
    @Query("delete from CallParticipantEntity p where p.callId = :callId")
    int deleteByCall(@Param("callId") String callId);
}
