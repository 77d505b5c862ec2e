package io.earpiece.db.search;

import java.time.Instant;

/** One call found by a search, with its summary's headline fields (null before the summary exists). */
public record CallHit(String callId, Instant startedAt, Instant endedAt, Long durationMs, String fromUri,
                      String toUri, String callType, String priority, String sentiment) {
}
