package io.earpiece.sip.access;

import io.earpiece.sip.auth.DigestAuthenticator;

import java.util.Objects;

/**
 * Who may place bot legs (INVITEs the bot answers as a participant, with {@code X-Earpiece-*} headers): the
 * leg's From names the rep whose call list it lands in, so it is only believed from a dialer the admin named.
 *
 * @param trustedSources    addresses whose INVITEs are answered without credentials
 * @param digest            when not null, other addresses may authenticate with digest (401 challenge) instead of
 *                          being refused with 403
 * @param maxCallsPerSource concurrent bot legs one source address may hold; 0 for no quota of its own (the gateway's
 *                          max-calls still applies)
 */
public record BotAccess(AddressRanges trustedSources, DigestAuthenticator digest, int maxCallsPerSource) {

    public BotAccess {
        Objects.requireNonNull(trustedSources, "trustedSources");
        if (maxCallsPerSource < 0) {
            throw new IllegalArgumentException("maxCallsPerSource must be 0 (none) or positive: " + maxCallsPerSource);
        }
    }

    /** Loopback only, no credentials, no quota of its own: a gateway on its own, as in tests and local runs. */
    public static BotAccess loopbackOnly() {
        return new BotAccess(AddressRanges.loopback(), null, 0);
    }
}
