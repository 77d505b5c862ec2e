package io.earpiece.console.export;

import java.time.Instant;

/** An outbox job as the admin API shows it: never the payload's credentials, only state and last outcome. */
public record ExportJobView(String id, String callId, String exporter, String state, int attempts, Instant dueAt,
                            String lastOutcome, Instant createdAt, Instant updatedAt) {
}
