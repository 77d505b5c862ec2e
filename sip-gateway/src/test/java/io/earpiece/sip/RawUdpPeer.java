package io.earpiece.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A bare UDP socket for sending hand-written (and deliberately broken) SIP to the gateway. */
public final class RawUdpPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress gateway;
    /** Datagrams received while waiting for something else. */
    final List<String> skipped = new ArrayList<>();

    public RawUdpPeer(int gatewayPort) throws IOException {
        this(gatewayPort, InetAddress.getLoopbackAddress());
    }

    /** A peer bound to {@code local}, e.g. 127.0.0.2 to look like another host. */
    public RawUdpPeer(int gatewayPort, InetAddress local) throws IOException {
        socket = new DatagramSocket(0, local);
        gateway = new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** A Via header value naming this socket. */
    public String via(String branch) {
        return "SIP/2.0/UDP " + socket.getLocalAddress().getHostAddress() + ":" + port() + ";rport;branch=z9hG4bK"
                + branch;
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, gateway));
    }

    /** The next datagram matching {@code wanted}, or null if none arrives in time; others go to {@link #skipped}. */
    public String receive(Predicate<String> wanted, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buf = new byte[65536];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            if (wanted.test(text)) {
                return text;
            }
            skipped.add(text);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
