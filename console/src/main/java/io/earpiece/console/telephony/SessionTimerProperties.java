package io.earpiece.console.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * RFC 4028 session timers on bot legs (the calls Earpiece answers and the bridge calls it places) and on both legs
 * of relayed calls (the B2BUA's), bound from {@code earpiece.sip.session-timer.*}.
 *
 * @param expires the interval Earpiece asks for on calls it places and on a relayed call's outgoing leg (1800 s,
 *                RFC 4028's recommended default); on calls it answers, and on a relayed call's incoming leg, the
 *                caller's interval is taken, the caller refreshing. {@code 0s} turns session timers off everywhere
 * @param minSe   the shortest interval accepted (90 s, RFC 4028's floor): shorter requests get 422 with this Min-SE
 */
@ConfigurationProperties("earpiece.sip.session-timer")
public record SessionTimerProperties(@DefaultValue("1800s") Duration expires, @DefaultValue("90s") Duration minSe) {

    /** The gateway's form; a bad combination stops the start with the property names. */
    public io.earpiece.sip.timer.SessionTimerConfig config() {
        try {
            return new io.earpiece.sip.timer.SessionTimerConfig(expires, minSe);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("earpiece.sip.session-timer: " + e.getMessage(), e);
        }
    }
}
