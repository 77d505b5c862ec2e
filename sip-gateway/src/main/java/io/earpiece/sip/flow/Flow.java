package io.earpiece.sip.flow;

import java.util.Locale;

/**
 * One RFC 5626 flow: the TCP or TLS connection a device registered over, named by the address it came from. A device
 * behind NAT can be reached only on this connection (it cannot accept a new one), so requests to it go here whatever
 * its Contact says.
 *
 * @param ip        the connection's remote address as the stack saw it
 * @param port      its remote port
 * @param transport {@code tcp} or {@code tls}
 */
public record Flow(String ip, int port, String transport) {
    private static final String TRANSPORT = ";transport=";

    public Flow {
        if (ip == null || ip.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("a flow needs an address and a port: " + ip + ":" + port);
        }
        transport = transport == null ? "" : transport.toLowerCase(Locale.ROOT);
        if (!connectionOriented(transport)) {
            throw new IllegalArgumentException("a flow is a TCP or TLS connection, not " + transport);
        }
    }

    /** Whether {@code transport} keeps a connection a flow can live on (TCP, TLS). */
    public static boolean connectionOriented(String transport) {
        return transport != null && (transport.equalsIgnoreCase("tcp") || transport.equalsIgnoreCase("tls"));
    }

    /**
     * The flow named by a binding's source, {@code ip:port;transport=tcp} (an IPv6 address keeps its colons: the
     * port follows the last one).
     *
     * @throws IllegalArgumentException when {@code source} is not of that form or names a datagram transport
     */
    public static Flow parse(String source) {
        int t = source == null ? -1 : source.indexOf(TRANSPORT);
        int colon = t < 0 ? -1 : source.lastIndexOf(':', t);
        if (colon < 1) {
            throw new IllegalArgumentException("not a flow source: " + source);
        }
        try {
            return new Flow(source.substring(0, colon), Integer.parseInt(source.substring(colon + 1, t)),
                    source.substring(t + TRANSPORT.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a flow source: " + source, e);
        }
    }

    /** {@code ip:port;transport=tcp}, the form bindings keep (see {@link #parse}). */
    public String source() {
        return ip + ":" + port + TRANSPORT + transport;
    }
}
