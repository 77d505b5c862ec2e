package io.earpiece.sip;

import java.util.Locale;
import java.util.Objects;

/**
 * Where and how the SIP gateway listens.
 *
 * @param host       local address to bind, an IP literal such as 127.0.0.1 or the LAN address
 * @param port       UDP port, or 0 for an ephemeral one (see {@link SipGateway#port()})
 * @param transport  "udp": the transport of {@code port}; TCP and TLS are in {@code streams}
 * @param maxCalls   legs allowed at once; more get 503 with Retry-After
 * @param publicHost address put in Contact and SDP {@code c=}; null means {@code host}
 * @param userAgent  value of the Server and User-Agent headers
 * @param streams    TCP and TLS listeners beside UDP
 */
public record SipGatewayConfig(String host, int port, String transport, int maxCalls, String publicHost,
                               String userAgent, SipTransports streams) {

    /** UDP only. */
    public SipGatewayConfig(String host, int port, String transport, int maxCalls, String publicHost,
                            String userAgent) {
        this(host, port, transport, maxCalls, publicHost, userAgent, SipTransports.UDP_ONLY);
    }

    public SipGatewayConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        transport = transport == null ? "udp" : transport.toLowerCase(Locale.ROOT);
        if (!transport.equals("udp")) {
            throw new IllegalArgumentException("unsupported transport " + transport + " (udp; TCP and TLS are streams)");
        }
        streams = streams == null ? SipTransports.UDP_ONLY : streams;
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be positive: " + maxCalls);
        }
        if (userAgent == null || userAgent.isBlank()) {
            userAgent = "Earpiece";
        }
    }

    /** The address to advertise: {@code publicHost} when set, else {@code host}. */
    public String advertisedHost() {
        return publicHost == null || publicHost.isBlank() ? host : publicHost;
    }
}
