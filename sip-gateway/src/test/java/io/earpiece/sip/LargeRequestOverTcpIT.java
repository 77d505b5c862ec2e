package io.earpiece.sip;

import io.earpiece.sip.stack.EarpieceSipStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 3261 18.1.1: a request over 1300 bytes that would go over UDP goes over TCP, its Via saying TCP; a small one
 * stays on UDP. The peer listens on UDP and TCP on one port (as RFC 3261 18 asks of servers) and reports which
 * transport each request came over.
 */
class LargeRequestOverTcpIT {
    private static final int TIMEOUT_MS = 10_000;
    private SipGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private void start(boolean tcp) {
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT",
                new SipTransports(tcp, -1, null, SipTransports.ClientAuth.NONE, Duration.ZERO)),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
    }

    /** Sends an OPTIONS whose encoded size is about {@code size} bytes to the peer on {@code port}, over UDP. */
    private void sendOptions(int port, int size) throws Exception {
        SipContext sip = gateway.context();
        SipURI to = sip.addresses().createSipURI("peer", "127.0.0.1");
        to.setPort(port);
        ViaHeader via = sip.headers().createViaHeader(sip.host(), sip.port(), "udp", null);
        Request r = sip.messages().createRequest(to, Request.OPTIONS, sip.provider().getNewCallId(),
                sip.headers().createCSeqHeader(1L, Request.OPTIONS),
                sip.headers().createFromHeader(sip.addresses().createAddress(
                        sip.addresses().createSipURI("earpiece", sip.host())), "f1"),
                sip.headers().createToHeader(sip.addresses().createAddress(to), null), List.of(via),
                sip.headers().createMaxForwardsHeader(70));
        int padding = Math.max(0, size - r.toString().length());
        r.addHeader(sip.headers().createHeader("X-Padding", "x".repeat(padding)));
        ClientTransaction ct = sip.provider().getNewClientTransaction(r);
        ct.setApplicationData(new ResponseHandler() {
            @Override
            public void response(ResponseEvent event) {
            }

            @Override
            public void timeout(TimeoutEvent event) {
            }
        });
        ct.sendRequest();
    }

    /** A UDP and a TCP socket on one port: the first request over either, prefixed with its transport. */
    private static String receive(DatagramSocket udp, ServerSocket tcp) throws Exception {
        tcp.setSoTimeout(200);
        udp.setSoTimeout(200);
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
                udp.receive(p);
                return "udp " + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                // nothing over UDP yet
            }
            try (Socket s = tcp.accept()) {
                s.setSoTimeout(2000);
                return "tcp " + readHeaders(s.getInputStream());
            } catch (SocketTimeoutException e) {
                // nothing over TCP yet
            }
        }
        throw new AssertionError("no request over UDP or TCP within " + TIMEOUT_MS + " ms");
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (out.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ServerSocket tcpOn(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    @Test
    void aRequestOverTheUdpLimitGoesOverTcpAndASmallOneStaysOnUdp() throws Exception {
        start(true);
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             ServerSocket tcp = tcpOn(udp.getLocalPort())) {
            sendOptions(udp.getLocalPort(), 3000);
            String large = receive(udp, tcp);
            assertThat(large).startsWith("tcp OPTIONS").contains("Via: SIP/2.0/TCP 127.0.0.1:" + gateway.port());
            assertThat(large.length()).isGreaterThan(EarpieceSipStack.UDP_LIMIT);

            sendOptions(udp.getLocalPort(), 600);
            String small = receive(udp, tcp);
            assertThat(small).startsWith("udp OPTIONS").contains("Via: SIP/2.0/UDP 127.0.0.1:" + gateway.port());
        }
    }

    @Test
    void withoutATcpListenerALargeRequestStillGoesOverUdp() throws Exception {
        start(false);
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             ServerSocket tcp = tcpOn(udp.getLocalPort())) {
            sendOptions(udp.getLocalPort(), 3000);
            assertThat(receive(udp, tcp)).startsWith("udp OPTIONS").contains("Via: SIP/2.0/UDP");
        }
    }
}
