package io.earpiece.console.telephony;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RTP side of the far-end phone (its SIP side is sipp): a loopback socket the test advertises in that phone's
 * SDP. It records the telephone-event and audio packets that arrive and, once the relay has sent it something, sends
 * PCMU silence back every 20 ms (symmetric RTP), as a live phone does, so its side never goes quiet; a pressed digit
 * goes as RFC 4733 events of its own payload type instead of that silence.
 */
final class FarEndPhone implements AutoCloseable {

    /** One RFC 4733 packet as received. */
    record Event(int payloadType, long timestamp, int event, boolean end, int duration) {
    }

    /** One audio packet as received. */
    record Audio(int payloadType, int sequence, byte[] payload) {
    }

    /** Event packets of a digit pressed on this phone: 5 growing ones, then the end three times. */
    private static final int PRESS_PACKETS = 5;

    private final DatagramSocket socket;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicLong audio = new AtomicLong();
    private final List<Audio> audioReceived = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger pressed = new java.util.concurrent.atomic.AtomicInteger(-1);
    private int pressPacket;
    private long pressTimestamp;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private final int eventPt;
    private volatile SocketAddress relay;

    FarEndPhone(int eventPt) throws SocketException {
        this.eventPt = eventPt;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::receive, "far-end-rtp");
        t.setDaemon(true);
        t.start();
        int[] seq = {1};
        sender.scheduleAtFixedRate(() -> send(seq[0]++), 20, 20, TimeUnit.MILLISECONDS);
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    long audioPackets() {
        return audio.get();
    }

    List<Audio> audio() {
        return List.copyOf(audioReceived);
    }

    /** Presses {@code event} (0-15) once, sent from the next 20 ms slot on. */
    void press(int event) {
        pressed.set(event);
    }

    /** Events with distinct timestamps, in arrival order: one per digit however often its end was repeated. */
    List<Event> digits() {
        return events.stream().filter(Event::end)
                .filter(new java.util.function.Predicate<Event>() {
                    private final java.util.Set<Long> seen = new java.util.HashSet<>();

                    @Override
                    public boolean test(Event e) {
                        return seen.add(e.timestamp());
                    }
                }).toList();
    }

    private void receive() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            if (p.getLength() < 12) {
                continue;
            }
            relay = p.getSocketAddress();
            int pt = buf[1] & 0x7F;
            if (pt == eventPt && p.getLength() >= 16) {
                long ts = ((buf[4] & 0xFFL) << 24) | ((buf[5] & 0xFF) << 16) | ((buf[6] & 0xFF) << 8) | (buf[7] & 0xFF);
                events.add(new Event(pt, ts, buf[12] & 0xFF, (buf[13] & 0x80) != 0,
                        ((buf[14] & 0xFF) << 8) | (buf[15] & 0xFF)));
            } else {
                audio.incrementAndGet();
                int seq = ((buf[2] & 0xFF) << 8) | (buf[3] & 0xFF);
                audioReceived.add(new Audio(pt, seq, java.util.Arrays.copyOfRange(buf, 12, p.getLength())));
            }
        }
    }

    private void send(int seq) {
        SocketAddress to = relay;
        if (to == null) {
            return;
        }
        int event = pressed.get();
        byte[] packet = new byte[12 + (event >= 0 ? 4 : 160)];
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        int ts = seq * 160;
        if (event >= 0) {
            // One event in one timestamp, as a phone sends it: marker first, growing duration, the end repeated.
            if (pressPacket == 0) {
                pressTimestamp = ts;
                packet[1] = (byte) 0x80;
            }
            pressPacket++;
            int duration = Math.min(pressPacket, PRESS_PACKETS) * 160;
            packet[1] |= (byte) eventPt;
            System.arraycopy(DtmfPcap.eventPayload(event, pressPacket >= PRESS_PACKETS, duration), 0, packet, 12, 4);
            ts = (int) pressTimestamp;
            if (pressPacket == PRESS_PACKETS + 2) {
                pressPacket = 0;
                pressed.set(-1);
            }
        }
        packet[4] = (byte) (ts >>> 24);
        packet[5] = (byte) (ts >>> 16);
        packet[6] = (byte) (ts >>> 8);
        packet[7] = (byte) ts;
        packet[11] = 0x42;
        if (event < 0) {
            java.util.Arrays.fill(packet, 12, packet.length, (byte) 0xFF);
        }
        try {
            socket.send(new DatagramPacket(packet, packet.length, to));
        } catch (IOException e) {
            // The socket is closing with the test.
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        socket.close();
    }
}
