package io.earpiece.sip.uas;

import java.util.Locale;

/**
 * The ports this gateway listens on per transport, so a response's Contact names the transport its request came
 * over: a TCP or TLS caller keeps its connection-oriented transport for the dialog's later requests.
 *
 * @param udp the UDP port (TCP's too, when on)
 * @param tcp whether TCP listens on it
 * @param tls the TLS port, or -1
 */
public record ContactPorts(int udp, boolean tcp, int tls) {

    /** The port for a transport name ({@code udp}, {@code tcp}, {@code tls}); UDP's for anything else. */
    public int port(String transport) {
        return switch (transport == null ? "udp" : transport.toLowerCase(Locale.ROOT)) {
            case "tls" -> tls > 0 ? tls : udp;
            default -> udp;
        };
    }

    /** Whether this gateway listens on {@code transport}, so that it can send over it too. */
    public boolean offers(String transport) {
        return switch (transport.toLowerCase(Locale.ROOT)) {
            case "udp" -> true;
            case "tcp" -> tcp;
            case "tls" -> tls > 0;
            default -> false;
        };
    }
}
