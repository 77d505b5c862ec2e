package io.earpiece.db.outbox;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Stored delivery-ledger entries. */
public interface LedgerEntryRepository extends JpaRepository<LedgerEntryEntity, Long> {

    Optional<LedgerEntryEntity> findByIdempotencyKeyAndStep(String idempotencyKey, String step);
}
