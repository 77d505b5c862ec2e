package io.earpiece.db.call;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored calls. */
public interface CallRepository extends JpaRepository<CallEntity, String> {

    Page<CallEntity> findAllByOrderByStartedAtDesc(Pageable page);

    List<CallEntity> findByStatus(CallStatus status);

    List<CallEntity> findByStatusAndTranscription(CallStatus status, CallTranscription transcription);
}
