package io.earpiece.db.search;

import java.time.Instant;
import java.util.List;

/**
 * One call found by a search, with its summary's headline fields (null before the summary exists, and for a call
 * with no transcribed line, whose summary makes no claims). The library's columns follow: status (ACTIVE,
 * ENDED), the rep and customer as named (a login, a speaker name, the B2BUA's remote number; null when only the
 * SIP URIs say), transcribed lines, objection kinds raised and cards marked used; null where a report row does
 * not read them.
 */
public record CallHit(String callId, Instant startedAt, Instant endedAt, Long durationMs, String fromUri,
                      String toUri, String callType, String priority, String sentiment, String status, String rep,
                      String customer, Long segments, List<String> objections, Long cardsUsed) {

    public CallHit(String callId, Instant startedAt, Instant endedAt, Long durationMs, String fromUri, String toUri,
                   String callType, String priority, String sentiment) {
        this(callId, startedAt, endedAt, durationMs, fromUri, toUri, callType, priority, sentiment, null, null, null,
                null, null, null);
    }

    /** This hit with the objection kinds of its call. */
    CallHit withObjections(List<String> kinds) {
        return new CallHit(callId, startedAt, endedAt, durationMs, fromUri, toUri, callType, priority, sentiment,
                status, rep, customer, segments, List.copyOf(kinds), cardsUsed);
    }
}
