package io.earpiece.sip.register;

import java.time.Instant;

/**
 * One registered device of a user: where to reach it and until when.
 *
 * @param user      the authenticated user (the AOR's user part)
 * @param contact   the Contact URI the device registered, e.g. {@code sip:alice@192.0.2.7:5062;transport=udp}
 * @param source    "ip:port" the REGISTER came from, for devices behind NAT whose Contact is unreachable
 * @param callId    the registering Call-ID, with {@code cseq} to refuse out-of-order refreshes
 * @param userAgent the device's User-Agent, or null
 */
public record Binding(String user, String contact, String source, String callId, long cseq, Instant expires,
                      String userAgent) {
}
