package io.earpiece.db.summary;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored action items of summaries. */
public interface ActionItemRepository extends JpaRepository<ActionItemEntity, Long> {

    List<ActionItemEntity> findByCallIdOrderBySeqAsc(String callId);
}
