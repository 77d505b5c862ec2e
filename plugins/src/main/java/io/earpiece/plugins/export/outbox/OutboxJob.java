package io.earpiece.plugins.export.outbox;

import io.earpiece.plugins.export.CallExport;
import java.time.Instant;
import java.util.Objects;

/**
 * One export waiting to be delivered to one exporter. {@code idempotencyKey} stays the same for every attempt
 * and replay of the job (e.g. "call-42/hubspot"); {@code attempts} counts finished failed attempts.
 */
public record OutboxJob(String id, String exporter, String idempotencyKey, CallExport export, int attempts,
                        Instant dueAt) {
    public OutboxJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** A fresh job for one call and exporter, due now; its key is derived from both so it is stable. */
    public static OutboxJob of(String id, String exporter, CallExport export, Instant now) {
        return new OutboxJob(id, exporter, export.callId() + "/" + exporter, export, 0, now);
    }
}
