package io.earpiece.sip.trunk;

import java.time.Instant;

/**
 * What an admin sees of a trunk's registration.
 *
 * @param lastStatus      the last final SIP status from the registrar, or 0 when none (e.g. timeout)
 * @param lastReason      its reason phrase or what went wrong
 * @param registeredUntil when the current binding lapses, or null
 * @param nextAttempt     when the next REGISTER (refresh or retry) is due, or null
 */
public record TrunkStatus(State state, int lastStatus, String lastReason, Instant registeredUntil,
                          Instant nextAttempt) {
    /** Registration state. */
    public enum State { REGISTERING, REGISTERED, FAILING, STOPPED }
}
