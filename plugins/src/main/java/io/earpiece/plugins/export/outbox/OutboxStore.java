package io.earpiece.plugins.export.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Durable storage of export jobs. The console implements it on the database so a job is written in the same
 * transaction as the summary it exports. A claimed job is hidden from other claims until its lease ends; a
 * worker that dies mid-delivery therefore loses nothing, the job simply becomes due again.
 */
public interface OutboxStore {
    /** Up to {@code limit} pending jobs due at {@code now} and not under lease, leased until {@code now + lease}. */
    List<OutboxJob> claimDue(Instant now, int limit, Duration lease);

    void markDelivered(String jobId, String detail, Instant at);

    /** Records a failed attempt and makes the job due again at {@code dueAt}, lease released. */
    void reschedule(String jobId, int attempts, Instant dueAt, String reason);

    /** Records a permanent failure for an admin to see; the job is not retried until replayed. */
    void markFailed(String jobId, int attempts, String reason, Instant at);

    /** Puts a failed job back in the queue, due at {@code now}, attempts reset; false when not failed. */
    boolean replay(String jobId, Instant now);
}
