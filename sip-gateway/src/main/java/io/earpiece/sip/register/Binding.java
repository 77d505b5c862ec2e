package io.earpiece.sip.register;

import io.earpiece.sip.flow.Flow;

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
 * @param instance  the device's {@code +sip.instance} (RFC 5626), e.g. {@code <urn:uuid:...>}, or null
 * @param regId     the Contact's {@code reg-id} (RFC 5626), or 0: with {@code instance}, a binding over TCP or TLS
 *                  made with {@code Supported: outbound} is a flow (see {@link #flow()})
 */
public record Binding(String user, String contact, String source, String callId, long cseq, Instant expires,
                      String userAgent, String instance, int regId) {
    private static final String TRANSPORT = ";transport=";

    /** A binding without RFC 5626 outbound: the device is reached at its Contact. */
    public Binding(String user, String contact, String source, String callId, long cseq, Instant expires,
                   String userAgent) {
        this(user, contact, source, callId, cseq, expires, userAgent, null, 0);
    }

    /** {@link #source} for a REGISTER from {@code ip:port} over {@code transport}. */
    public static String source(String ip, int port, String transport) {
        return ip + ":" + port + TRANSPORT + transport.toLowerCase(Locale.ROOT);
    }

    /** The transport the REGISTER came over ({@code udp}, {@code tcp}, {@code tls}), or null when not known. */
    public String registeredOver() {
        int i = source == null ? -1 : source.indexOf(TRANSPORT);
        return i < 0 ? null : source.substring(i + TRANSPORT.length());
    }

    /**
     * The connection the device registered over, when this binding is an RFC 5626 flow (instance and reg-id, over
     * TCP or TLS): requests to the device go over it, and the binding ends with it. Null otherwise.
     */
    public Flow flow() {
        if (instance == null || regId <= 0 || !Flow.connectionOriented(registeredOver())) {
            return null;
        }
        return Flow.parse(source);
    }

    /** Whether this binding and {@code other} are one device's same flow (RFC 5626 section 6: instance, reg-id). */
    public boolean sameFlowAs(Binding other) {
        return instance != null && regId > 0 && instance.equals(other.instance) && regId == other.regId;
    }
}
