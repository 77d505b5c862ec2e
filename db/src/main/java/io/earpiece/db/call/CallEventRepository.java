package io.earpiece.db.call;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored call events (DTMF, hold, resume). */
public interface CallEventRepository extends JpaRepository<CallEventEntity, Long> {

    /** A call's events in the order they were stored. */
    List<CallEventEntity> findByCallIdOrderByIdAsc(String callId);
}
