package io.earpiece.plugins.export;

import java.util.Optional;

/**
 * Remembers the ids of objects an exporter created, per idempotency key and step ("note", "task:0"), so a
 * retry skips steps that already succeeded. The console backs it with the database; it must outlive the JVM.
 */
public interface DeliveryLedger {
    Optional<String> find(String idempotencyKey, String step);

    void record(String idempotencyKey, String step, String objectId);
}
