package io.earpiece.console.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * RFC 4028 session timers on bot legs (the calls Earpiece answers and the bridge calls it places), bound from
 * {@code earpiece.sip.session-timer.*}.
 *
 * @param expires the interval Earpiece asks for on calls it places (1800 s, RFC 4028's recommended default); on
 *                calls it answers the caller's interval is taken, the caller refreshing. {@code 0s} turns session
 *                timers off both ways
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
