package io.earpiece.sip.b2bua;

import java.time.Instant;

/**
 * The call detail record of one relayed call.
 *
 * @param rep         the rep's user name
 * @param remote      the customer's number or URI user
 * @param answered    when the far end answered, or null
 * @param ended       when the call ended, or null while it runs
 * @param finalStatus the final SIP status of the outgoing leg (200 for answered calls), 0 when none came
 * @param endedBy     who ended an answered call, or null
 */
public record CallDetail(String callId, Direction direction, String rep, String remote, String trunkId,
                         Instant started, Instant answered, Instant ended, Disposition disposition, int finalStatus,
                         Side endedBy) {

    /** Whether the rep placed or received the call. */
    public enum Direction { OUTBOUND, INBOUND }

    /** How the call ended. */
    public enum Disposition { IN_PROGRESS, ANSWERED, BUSY, NO_ANSWER, CANCELLED, REJECTED, FAILED }

    /** A party of the call. */
    public enum Side { REP, CUSTOMER, SYSTEM }
}
