package io.earpiece.console.export;

import io.earpiece.db.outbox.LedgerEntryEntity;
import io.earpiece.db.outbox.LedgerEntryRepository;
import io.earpiece.plugins.export.DeliveryLedger;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/** The delivery ledger in the database, so created vendor ids survive a restart. */
@Component
public class JpaDeliveryLedger implements DeliveryLedger {

    private final LedgerEntryRepository entries;

    public JpaDeliveryLedger(LedgerEntryRepository entries) {
        this.entries = entries;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> find(String idempotencyKey, String step) {
        return entries.findByIdempotencyKeyAndStep(idempotencyKey, step).map(LedgerEntryEntity::getObjectId);
    }

    /** Committed at once (its own transaction): the vendor object exists whatever happens next. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String idempotencyKey, String step, String objectId) {
        try {
            entries.saveAndFlush(new LedgerEntryEntity(idempotencyKey, step, objectId, Instant.now()));
        } catch (DataIntegrityViolationException e) {
            // Another worker recorded the same step first; the first id stands.
        }
    }
}
