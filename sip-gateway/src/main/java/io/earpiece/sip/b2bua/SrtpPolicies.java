package io.earpiece.sip.b2bua;

import io.earpiece.sip.sdp.SrtpPolicy;

/**
 * Where each B2BUA leg's SRTP policy comes from: the active trunk's setting for the carrier's leg, the rep's SIP user
 * setting for the leg to their device. Asked once per new call, on a SIP thread, so it must answer quickly.
 */
public interface SrtpPolicies {

    SrtpPolicy trunk();

    /** The policy of SIP user {@code username}; an unknown user gets the default (optional). */
    SrtpPolicy user(String username);

    /** The same policy for every leg. */
    static SrtpPolicies fixed(SrtpPolicy policy) {
        return new SrtpPolicies() {
            @Override
            public SrtpPolicy trunk() {
                return policy;
            }

            @Override
            public SrtpPolicy user(String username) {
                return policy;
            }
        };
    }
}
