package io.earpiece.sip.b2bua;

import io.earpiece.sip.timer.SessionTimerConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * B2BUA policy.
 *
 * @param botUser the Request-URI user that still reaches the bot's user-agent server (mixed-leg mode), e.g. "bot"
 * @param srtp    each leg's SRTP policy: the trunk's for the carrier's leg, the SIP user's for the rep's device
 * @param timers  RFC 4028 session timers on both legs: the interval asked for on leg B (we refresh unless the peer
 *                takes it), the Min-SE both legs hold to; leg A takes the caller's interval. Off when zero
 * @param ring    how inbound calls ring the rep's devices, for how long, and where they go when none answers
 */
public record B2buaConfig(String botUser, SrtpPolicies srtp, SessionTimerConfig timers, RingConfig ring) {

    /** Session timers off: no {@code Session-Expires} asked for or agreed on either leg. */
    public static final SessionTimerConfig NO_TIMERS = new SessionTimerConfig(Duration.ZERO, Duration.ZERO);

    public B2buaConfig {
        Objects.requireNonNull(srtp, "srtp");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(ring, "ring");
    }

    /** Ringing until the caller gives up, no fallback. */
    public B2buaConfig(String botUser, SrtpPolicies srtp, SessionTimerConfig timers) {
        this(botUser, srtp, timers, RingConfig.NONE);
    }

    /** Session timers off. */
    public B2buaConfig(String botUser, SrtpPolicies srtp) {
        this(botUser, srtp, NO_TIMERS);
    }

    /** SRTP optional on every leg (taken when offered, offered best-effort), session timers off. */
    public B2buaConfig(String botUser) {
        this(botUser, SrtpPolicies.fixed(io.earpiece.sip.sdp.SrtpPolicy.OPTIONAL));
    }
}
