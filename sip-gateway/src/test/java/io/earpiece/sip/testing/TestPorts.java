package io.earpiece.sip.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for peers the tests start (sipp, kamailio), which bind them some time after the test chose them.
 *
 * <p>Asking the kernel for port 0 and closing the socket hands out a port from the ephemeral range, where every
 * socket bound to port 0 afterwards (the server's own, the JDK's, another build's) may take it before the peer
 * binds it: seen as a sipp that could not bind. These ports come from below the ephemeral range (32768+) and below
 * the server's RTP pool (40000+), each JVM starting at its own offset and never handing one out twice, and are checked
 * bindable for UDP and TCP (sipp over TCP listens on the same number).
 */
public final class TestPorts {
    private static final int FIRST = 20000;
    private static final int LAST = 32000;
    /** sipp's {@code -mp N} binds N to N+3 (audio and video, RTP and RTCP): every port handed out owns four. */
    private static final int BLOCK = 4;
    private static final AtomicInteger NEXT = new AtomicInteger(
            FIRST + (int) (ProcessHandle.current().pid() * 97 % ((LAST - FIRST) / BLOCK)) * BLOCK);

    private TestPorts() {
    }

    /** The first port of the next block of four that is free on {@code host} for UDP and TCP; it is even. */
    public static int next(String host) {
        for (int tries = 0; tries < (LAST - FIRST) / BLOCK; tries++) {
            int port = NEXT.getAndUpdate(p -> p + BLOCK > LAST - BLOCK ? FIRST : p + BLOCK);
            if (free(host, port) && free(host, port + 1) && free(host, port + 2) && free(host, port + 3)) {
                return port;
            }
        }
        throw new IllegalStateException("no free test port in " + FIRST + "-" + LAST + " on " + host);
    }

    private static boolean free(String host, int port) {
        try {
            InetAddress address = InetAddress.getByName(host);
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
                 ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(address, port));
                return udp.isBound() && tcp.isBound();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
