package io.earpiece.sip.b2bua;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A test {@link MediaRelay}: two loopback sockets per call, each forwarding what it receives to the other leg. */
final class UdpForwarderRelay implements MediaRelay {
    final List<Pair> opened = new CopyOnWriteArrayList<>();

    @Override
    public Relay open(String callId, boolean repIsLegA) throws IOException {
        Pair p = new Pair(repIsLegA);
        opened.add(p);
        return p;
    }

    static final class Pair implements Relay {
        final boolean repIsLegA;
        final DatagramSocket a;
        final DatagramSocket b;
        volatile InetSocketAddress remoteA;
        volatile InetSocketAddress remoteB;
        final AtomicLong aToB = new AtomicLong();
        final AtomicLong bToA = new AtomicLong();
        volatile boolean closed;
        /** Hold changes in order, e.g. "A held requested". */
        final List<String> holds = new CopyOnWriteArrayList<>();
        volatile boolean heldA;
        volatile boolean heldB;
        /** SRTP keys the B2BUA agreed per leg (this test relay only records them; it forwards bytes as they are). */
        volatile io.earpiece.sip.sdp.SdesSession srtpA;
        volatile io.earpiece.sip.sdp.SdesSession srtpB;
        volatile int srtpUpdates;
        /** How each leg is carried, as the B2BUA last said: "udp srtp", "tls clear"... */
        volatile String carriedA;
        volatile String carriedB;

        /** Formats the B2BUA agreed, in order, e.g. "A PCMA 8 101" (codec, payload type, telephone-event type). */
        final List<String> formats = new CopyOnWriteArrayList<>();

        @Override
        public void format(boolean legA, RelayPlan.LegFormat format) {
            formats.add((legA ? "A " : "B ") + format.codec().name() + " " + format.codec().payloadType() + " "
                    + format.telephoneEventPt());
        }

        @Override
        public void carried(boolean legA, String sipTransport, boolean srtp) {
            String how = sipTransport + (srtp ? " srtp" : " clear");
            if (legA) {
                carriedA = how;
            } else {
                carriedB = how;
            }
        }

        @Override
        public void srtp(boolean legA, io.earpiece.sip.sdp.SdesSession keys) {
            if (legA) {
                srtpA = keys;
            } else {
                srtpB = keys;
            }
            srtpUpdates++;
        }

        Pair(boolean repIsLegA) throws SocketException {
            this.repIsLegA = repIsLegA;
            a = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            b = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            pump(a, b, true);
            pump(b, a, false);
        }

        private void pump(DatagramSocket in, DatagramSocket out, boolean fromA) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[2048];
                while (!in.isClosed()) {
                    try {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        in.receive(p);
                        InetSocketAddress to = fromA ? remoteB : remoteA;
                        if (to != null && !(fromA ? heldB : heldA)) {
                            out.send(new DatagramPacket(p.getData(), p.getLength(), to));
                            (fromA ? aToB : bToA).incrementAndGet();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "relay-" + in.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        @Override
        public InetSocketAddress legA() {
            return (InetSocketAddress) a.getLocalSocketAddress();
        }

        @Override
        public InetSocketAddress legB() {
            return (InetSocketAddress) b.getLocalSocketAddress();
        }

        @Override
        public void remoteA(InetSocketAddress remote) {
            remoteA = remote;
        }

        @Override
        public void remoteB(InetSocketAddress remote) {
            remoteB = remote;
        }

        @Override
        public void hold(boolean legA, boolean held, boolean requested) {
            if (legA) {
                heldA = held;
            } else {
                heldB = held;
            }
            holds.add((legA ? "A " : "B ") + (held ? "held" : "resumed") + (requested ? " requested" : " answered"));
        }

        @Override
        public void close() {
            closed = true;
            a.close();
            b.close();
        }
    }
}
