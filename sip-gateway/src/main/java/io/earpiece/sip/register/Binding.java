package io.earpiece.sip.register;

import java.time.Instant;
import java.util.List;
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
 * @param node      the cluster node that took the REGISTER: for TCP and TLS it holds the device's connection, so
 *                  only it can ring the device directly; null for bindings stored before nodes were kept
 * @param path      the Path the REGISTER came through (RFC 3327), nearest the registrar first: the proxies a request
 *                  to the device must pass (an edge proxy that holds its connection); empty when it came directly
 */
public record Binding(String user, String contact, String source, String callId, long cseq, Instant expires,
                      String userAgent, String node, List<String> path) {
    private static final String TRANSPORT = ";transport=";

    public Binding {
        path = path == null ? List.of() : List.copyOf(path);
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
     * Whether {@code here} (a node's name) can send the device a request: over UDP any node can; over a connection
     * (TCP, TLS) only the node holding it, unless a Path names the proxy that holds it and every node routes via that.
     */
    public boolean reachableFrom(String here) {
        String over = registeredOver();
        return over == null || over.equals("udp") || !path.isEmpty() || node == null || node.equals(here);
    }
}
