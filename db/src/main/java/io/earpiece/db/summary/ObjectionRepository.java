package io.earpiece.db.summary;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored objection rows of summaries. */
public interface ObjectionRepository extends JpaRepository<ObjectionEntity, Long> {

    List<ObjectionEntity> findByCallIdOrderBySeqAsc(String callId);
}
