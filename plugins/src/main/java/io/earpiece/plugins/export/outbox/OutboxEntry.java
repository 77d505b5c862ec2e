package io.earpiece.plugins.export.outbox;

import java.time.Instant;

/** A job as the in-memory store keeps it: state, last outcome text and lease. */
public record OutboxEntry(OutboxJob job, OutboxState state, String lastOutcome, Instant leasedUntil) {
}
