package io.earpiece.console.softphone;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings of the browser softphone, bound from {@code earpiece.softphone.*}: where the browser finds Janus and
 * where Janus's SIP plugin finds Earpiece. With no {@code janus-url} the softphone is off and the console's Call
 * button stays disabled.
 *
 * @param janusUrl   the Janus HTTP API as the browser reaches it, e.g. {@code http://pbx.example:8088/janus};
 *                   empty turns the softphone off
 * @param sipProxy   Earpiece's SIP address as Janus reaches it, e.g. {@code sip:earpiece:5060}; empty means
 *                   {@code sip:<earpiece.sip.public-host>:<SIP port>}
 * @param sipDomain  the domain of reps' SIP identities ({@code sip:alice@DOMAIN}); empty means the host of the proxy
 * @param iceServers STUN/TURN URLs handed to the browser's RTCPeerConnection (none on a LAN)
 */
@ConfigurationProperties("earpiece.softphone")
public record SoftphoneProperties(
        @DefaultValue("") String janusUrl,
        @DefaultValue("") String sipProxy,
        @DefaultValue("") String sipDomain,
        @DefaultValue({}) List<String> iceServers) {

    /** Whether a Janus URL is configured. */
    public boolean enabled() {
        return janusUrl != null && !janusUrl.isBlank();
    }
}
