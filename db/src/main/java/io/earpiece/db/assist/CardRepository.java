package io.earpiece.db.assist;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

/** Stored cards and their feedback. */
public interface CardRepository extends JpaRepository<CardEntity, Long> {

    List<CardEntity> findByCallIdOrderByIdAsc(String callId);

    /** Rows of (card key, shown, used, dismissed) over all calls. */
    @Query("select c.cardKey, count(c), sum(case when c.feedback = 'used' then 1 else 0 end), "
            + "sum(case when c.feedback = 'dismissed' then 1 else 0 end) from CardEntity c group by c.cardKey")
    List<Object[]> feedbackByCard();
}
