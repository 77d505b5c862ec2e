package io.earpiece.plugins;

import java.time.Instant;
import java.util.List;

/**
 * What plugins learn about a call.
 *
 * @param durationMs null while the call is live
 * @param parties    party labels (rep, customer, mixed) seen so far
 */
public record CallInfo(String callId, String conversationId, String from, String to, Instant startedAt,
                       Long durationMs, List<String> parties, int segments, String endReason) {
}
