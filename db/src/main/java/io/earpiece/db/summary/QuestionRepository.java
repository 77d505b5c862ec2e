package io.earpiece.db.summary;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Stored question rows of summaries. */
public interface QuestionRepository extends JpaRepository<QuestionEntity, Long> {

    List<QuestionEntity> findByCallIdOrderBySeqAsc(String callId);
}
