package io.earpiece.console.telephony;

import io.earpiece.sip.auth.DigestAlgorithm;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings of Earpiece's telephony core (registrar, trunk, B2BUA), bound from {@code earpiece.telephony.*}.
 *
 * @param enabled       false leaves only the bot's user-agent server (mixed-leg mode) on the SIP port
 * @param realm         the digest realm reps' devices authenticate in; SIP users' HA1s are computed for it
 * @param botUser       the Request-URI user that still reaches the bot as a plain participant
 * @param nonceLifetime how long a digest nonce is accepted before the device is re-challenged (stale=true)
 * @param digestAlgorithms challenges offered, in order (RFC 8760 puts SHA-256 first; devices that answer only the
 *                      first challenge and know only MD5, such as sipp 3.6, need MD5 first)
 */
@ConfigurationProperties("earpiece.telephony")
public record TelephonyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("earpiece") String realm,
        @DefaultValue("assistant") String botUser,
        @DefaultValue("5m") Duration nonceLifetime,
        @DefaultValue({"SHA-256", "MD5"}) List<String> digestAlgorithms,
        @DefaultValue Registrar registrar,
        @DefaultValue Flood flood,
        @DefaultValue Trunk trunk) {

    /** The configured digest algorithms, in order; an unknown name stops start-up with the property named. */
    public List<DigestAlgorithm> algorithms() {
        return digestAlgorithms.stream()
                .map(a -> DigestAlgorithm.fromToken(a).orElseThrow(() -> new IllegalArgumentException(
                        "earpiece.telephony.digest-algorithms: unknown algorithm " + a)))
                .toList();
    }

    /**
     * Registration bounds for reps' devices.
     *
     * @param minExpires     shorter requested expiries get 423 Interval Too Brief
     * @param maxExpires     longer ones are shortened to this
     * @param defaultExpires used when a device asks for none
     * @param maxDevices     devices one rep may have registered at once
     */
    public record Registrar(@DefaultValue("60") int minExpires,
                            @DefaultValue("3600") int maxExpires,
                            @DefaultValue("3600") int defaultExpires,
                            @DefaultValue("10") int maxDevices) {
    }

    /**
     * Per-source limit on new INVITEs (bot legs and relayed calls) and REGISTERs; the active trunk's addresses are
     * exempt. Applies with telephony disabled too.
     *
     * @param ratePerSecond requests a source regains per second
     * @param burst         requests a source may send at once
     */
    public record Flood(@DefaultValue("10") double ratePerSecond, @DefaultValue("50") int burst) {
    }

    /**
     * Trunk registration back-off.
     *
     * @param minRetry first delay after a failed REGISTER; doubles up to {@code maxRetry}
     */
    public record Trunk(@DefaultValue("2s") Duration minRetry, @DefaultValue("5m") Duration maxRetry) {
    }
}
