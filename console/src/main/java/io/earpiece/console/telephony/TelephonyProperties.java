package io.earpiece.console.telephony;

import io.earpiece.sip.auth.DigestAlgorithm;
import io.earpiece.sip.b2bua.RingConfig;
import io.earpiece.sip.b2bua.RingFallback;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        @DefaultValue Trunk trunk,
        @DefaultValue Ring ring) {

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
     * @param flowTimer      RFC 5626 Flow-Timer told to devices registering a flow over TCP/TLS: how often they send
     *                       a CRLF keep-alive on it (80 to 100 per cent of this)
     */
    public record Registrar(@DefaultValue("60") int minExpires,
                            @DefaultValue("3600") int maxExpires,
                            @DefaultValue("3600") int defaultExpires,
                            @DefaultValue("10") int maxDevices,
                            @DefaultValue("120s") java.time.Duration flowTimer) {
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
     * How a call to a rep's DID rings: every device the rep has registered at once, the first answer taking it.
     *
     * @param noAnswer  how long the devices ring before the call goes to the fallback (without one the caller gets
     *                  480); {@code 0s} rings until the caller or the carrier gives up
     * @param fallback  where calls go that none of a rep's devices takes (all busy or declining, none answering in
     *                  {@code noAnswer}, none registered): {@code rep:<user>} (that rep's devices),
     *                  {@code sip:<user>@<host>[:port]} (a voicemail or PBX queue reached directly over UDP) or a
     *                  number dialled through the trunk; empty: none
     * @param fallbacks per-rep fallbacks by user name, in the same forms, replacing {@code fallback} for that rep
     */
    public record Ring(@DefaultValue("30s") Duration noAnswer,
                       @DefaultValue("") String fallback,
                       Map<String, String> fallbacks) {

        public Ring {
            fallbacks = fallbacks == null ? Map.of() : Map.copyOf(fallbacks);
            config(noAnswer, fallback, fallbacks); // a malformed fallback stops start-up here, naming its property
        }

        /** The B2BUA's ringing policy. */
        public RingConfig config() {
            return config(noAnswer, fallback, fallbacks);
        }

        private static RingConfig config(Duration noAnswer, String fallback, Map<String, String> fallbacks) {
            Map<String, RingFallback> byRep = new LinkedHashMap<>();
            fallbacks.forEach((rep, f) -> byRep.put(rep, parse("earpiece.telephony.ring.fallbacks." + rep, f)));
            return new RingConfig(noAnswer, byRep,
                    fallback == null || fallback.isBlank() ? null : parse("earpiece.telephony.ring.fallback", fallback));
        }

        private static RingFallback parse(String property, String value) {
            try {
                return RingFallback.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Trunk registration back-off.
     *
     * @param minRetry first delay after a failed REGISTER; doubles up to {@code maxRetry}
     */
    public record Trunk(@DefaultValue("2s") Duration minRetry, @DefaultValue("5m") Duration maxRetry) {
    }
}
