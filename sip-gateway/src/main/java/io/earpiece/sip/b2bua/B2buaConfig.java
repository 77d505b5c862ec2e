package io.earpiece.sip.b2bua;

import java.util.Objects;

/**
 * B2BUA policy.
 *
 * @param botUser the Request-URI user that still reaches the bot's user-agent server (mixed-leg mode), e.g. "bot"
 * @param srtp    each leg's SRTP policy: the trunk's for the carrier's leg, the SIP user's for the rep's device
 */
public record B2buaConfig(String botUser, SrtpPolicies srtp) {

    public B2buaConfig {
        Objects.requireNonNull(srtp, "srtp");
    }

    /** SRTP optional on every leg (taken when offered, offered best-effort). */
    public B2buaConfig(String botUser) {
        this(botUser, SrtpPolicies.fixed(io.earpiece.sip.sdp.SrtpPolicy.OPTIONAL));
    }
}
