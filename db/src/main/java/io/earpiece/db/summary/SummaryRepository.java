package io.earpiece.db.summary;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored after-call summaries, one per call. */
public interface SummaryRepository extends JpaRepository<SummaryEntity, String> {
}
