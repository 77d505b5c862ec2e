package io.earpiece.console.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SIPREC Session Recording Server, bound from {@code earpiece.siprec.*}.
 *
 * @param repSide who is the rep when no participant of a recorded call is an Earpiece SIP user or extension:
 *                {@code callee} (default: inbound support, customers call in), {@code caller} (outbound sales), or
 *                {@code match} (only a participant that is an Earpiece user is a rep; other sessions are declined
 *                with 403)
 */
@ConfigurationProperties("earpiece.siprec")
public record SiprecProperties(@DefaultValue("callee") String repSide) {
}
