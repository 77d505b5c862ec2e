package io.earpiece.db.assist;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored assist insights. */
public interface InsightRepository extends JpaRepository<InsightEntity, Long> {

    List<InsightEntity> findByCallIdOrderByUtteranceAscIdAsc(String callId);
}
