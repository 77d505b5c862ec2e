package io.earpiece.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Asks a TLS server why it drops Earpiece's requests. Under TLS 1.3 the client's handshake is over before the
 * server has checked the client's certificate (RFC 8446 4.4.2), so a carrier that refuses it says so only with an
 * alert after the handshake: the stack has already sent the request, reads the alert on its own thread and logs it,
 * and the request just times out. This opens one connection with the same TLS context, completes the handshake,
 * and waits a short while for the server's verdict, which the JDK gives as the alert's name.
 */
public final class TlsRefusal {
    private static final Pattern ALERT = Pattern.compile("alert: ([a-z_]+)");
    /** The alerts a server sends when it will not accept the client's certificate (RFC 8446 6.2). */
    private static final Set<String> CERTIFICATE_REFUSED = Set.of("bad_certificate", "unsupported_certificate",
            "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca", "access_denied",
            "decrypt_error");

    private TlsRefusal() {
    }

    /**
     * Why {@code address:port} refuses a connection made with {@code context}, in words, or empty when it keeps the
     * connection open for {@code wait} (then the TLS layer is not why requests go unanswered).
     *
     * @param clientCertificateSet whether {@code context} holds a client certificate (for the words only)
     */
    public static Optional<String> probe(SSLContext context, InetAddress address, int port, Duration wait,
                                         boolean clientCertificateSet) {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(address, port), (int) wait.toMillis());
            socket.setEnabledProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
            socket.setSoTimeout((int) wait.toMillis());
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            // The server has nothing to say first in SIP: data or silence means it accepted us.
            if (in.read() < 0) {
                return Optional.of("the carrier closed the TLS connection after the handshake ("
                        + socket.getSession().getProtocol() + ") without saying why");
            }
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (SSLException e) {
            return Optional.of(inWords(e.getMessage(), clientCertificateSet));
        } catch (IOException e) {
            return Optional.of("no TLS connection to the carrier: " + e.getMessage());
        }
    }

    /** The JDK's "Received fatal alert: bad_certificate" in words a trunk's status can show. */
    static String inWords(String message, boolean clientCertificateSet) {
        Matcher m = message == null ? null : ALERT.matcher(message);
        if (m == null || !m.find()) {
            return "TLS: " + message;
        }
        String alert = m.group(1);
        if (alert.equals("certificate_required")) {
            // The JDK shows a certificate only when a CA the server named in its request issued it.
            return clientCertificateSet
                    ? "the carrier requires a client certificate issued by a CA it names, and the trunk's is not "
                            + "(TLS alert certificate_required)"
                    : "the carrier requires a client certificate and the trunk has none (TLS alert "
                            + "certificate_required): set its clientCertificate and clientKey";
        }
        if (CERTIFICATE_REFUSED.contains(alert)) {
            return "the carrier refused Earpiece's client certificate (TLS alert " + alert + ")";
        }
        return "the carrier ended the TLS connection (TLS alert " + alert + ")";
    }
}
