package io.earpiece.plugins.export;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A ledger in a map: for tests and for single-process use where losing it on restart is acceptable. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    @Override
    public Optional<String> find(String idempotencyKey, String step) {
        return Optional.ofNullable(ids.get(idempotencyKey + "\n" + step));
    }

    @Override
    public void record(String idempotencyKey, String step, String objectId) {
        ids.put(idempotencyKey + "\n" + step, objectId);
    }

    /** Number of recorded steps. */
    public int size() {
        return ids.size();
    }
}
