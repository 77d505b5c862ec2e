package io.earpiece.db.summary;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored decision rows of summaries. */
public interface DecisionRepository extends JpaRepository<DecisionEntity, Long> {

    List<DecisionEntity> findByCallIdOrderBySeqAsc(String callId);
}
