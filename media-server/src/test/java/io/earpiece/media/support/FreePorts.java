package io.earpiece.media.support;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/** Finds a run of free even UDP ports on loopback for a test's RTP pool. */
public final class FreePorts {

    private FreePorts() {
    }

    /** An even port from the ephemeral range with the next {@code count} even ports all free right now. */
    public static int evenRun(int count) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                candidate = probe.getLocalPort() & ~1;
            }
            if (candidate + 2 * count > 65535) {
                continue;
            }
            List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    held.add(new DatagramSocket(new InetSocketAddress(loopback, candidate + 2 * i)));
                }
                return candidate;
            } catch (SocketException taken) {
                // try another range
            } finally {
                for (DatagramSocket s : held) {
                    s.close();
                }
            }
        }
        throw new IOException("no free even UDP port range on loopback");
    }
}
