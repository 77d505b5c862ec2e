package io.earpiece.sip.register;

import java.time.Instant;
import java.util.Locale;

/**
 * One registered device of a user: where to reach it and until when.
 *
 * @param user      the authenticated user (the AOR's user part)
 * @param contact   the Contact URI the device registered, e.g. {@code sip:alice@192.0.2.7:5062;transport=udp}
 * @param source    "ip:port;transport=tcp": where the REGISTER came from and over which transport (for devices
 *                  behind NAT whose Contact is unreachable, and to ring a device over the transport it registered
 *                  over when its Contact names none); bindings stored before the transport was kept lack it
 * @param callId    the registering Call-ID, with {@code cseq} to refuse out-of-order refreshes
 * @param userAgent the device's User-Agent, or null
 */
public record Binding(String user, String contact, String source, String callId, long cseq, Instant expires,
                      String userAgent) {
    private static final String TRANSPORT = ";transport=";

    /** {@link #source} for a REGISTER from {@code ip:port} over {@code transport}. */
    public static String source(String ip, int port, String transport) {
        return ip + ":" + port + TRANSPORT + transport.toLowerCase(Locale.ROOT);
    }

    /** The transport the REGISTER came over ({@code udp}, {@code tcp}, {@code tls}), or null when not known. */
    public String registeredOver() {
        int i = source == null ? -1 : source.indexOf(TRANSPORT);
        return i < 0 ? null : source.substring(i + TRANSPORT.length());
    }
}
