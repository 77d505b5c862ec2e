package io.earpiece.db.upload;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored speakers of uploaded calls. */
public interface CallSpeakerRepository extends JpaRepository<CallSpeakerEntity, Long> {

    List<CallSpeakerEntity> findByCallIdOrderBySpeakerAsc(String callId);
}
