package io.earpiece.sip;

import io.earpiece.sip.testing.TestCertificates;
import io.earpiece.sip.tls.ServerIdentity;
import io.earpiece.sip.tls.TlsContexts;
import io.earpiece.sip.tls.TlsFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** One TCP or TLS connection to the gateway for hand-written SIP: what comes back must come back on it. */
final class RawStreamPeer implements AutoCloseable {
    private static final Pattern LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

    private final Socket socket;
    private final InputStream in;
    final String transport;

    private RawStreamPeer(Socket socket, String transport) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.transport = transport;
    }

    static RawStreamPeer tcp(int port) throws IOException {
        return new RawStreamPeer(new Socket(InetAddress.getLoopbackAddress(), port), "TCP");
    }

    /**
     * A TLS connection that trusts {@code server} only and, with {@code client}, presents that certificate; the
     * handshake is started here.
     */
    static RawStreamPeer tls(int port, X509Certificate server, TestCertificates.Issued client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context;
        if (client != null) {
            ServerIdentity id = ServerIdentity.load(TlsFiles.pem(client.certificatePem(), client.keyPem()));
            context = TlsContexts.create(new io.earpiece.sip.tls.SwappableKeyManager(id),
                    (javax.net.ssl.TrustManager) tmf.getTrustManagers()[0]);
        } else {
            context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
        }
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        s.startHandshake();
        return new RawStreamPeer(s, "TLS");
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /**
     * A Via naming a port nobody listens on: a response that reaches us did so on this connection, not on a new
     * one the gateway opened to the Via's address.
     */
    String via(String branch) {
        return "SIP/2.0/" + transport + " 127.0.0.1:9;branch=z9hG4bK" + branch;
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** The next whole SIP message, or null when the connection closes or nothing comes in time. */
    String receive(Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                // Keep-alive CRLFs between messages are skipped.
                if (head.size() == 0 && (b == '\r' || b == '\n')) {
                    continue;
                }
                head.write(b);
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    Matcher m = LENGTH.matcher(text);
                    int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                    return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
                }
            }
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Exactly the next {@code n} bytes as they came (a keep-alive pong, say), or what came before a timeout. */
    String readBytes(int n, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            while (out.size() < n) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
            }
        } catch (SocketTimeoutException e) {
            // what came so far
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads until a message starting with {@code startLine} (case-insensitive), or null. */
    String receiveStarting(String startLine, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String m = receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (m == null) {
                return null;
            }
            if (m.toLowerCase(Locale.ROOT).startsWith(startLine.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
