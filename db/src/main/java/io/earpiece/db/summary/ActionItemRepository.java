package io.earpiece.db.summary;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

/** Stored action items of summaries. */
public interface ActionItemRepository extends JpaRepository<ActionItemEntity, Long> {

    List<ActionItemEntity> findByCallIdOrderBySeqAsc(String callId);

    Optional<ActionItemEntity> findByCallIdAndSeq(String callId, int seq);
}
