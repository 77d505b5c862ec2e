package io.earpiece.console.testing;

import io.earpiece.media.dtmf.DtmfDetector;
import io.earpiece.media.dtmf.TelephoneEventParser;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpParser;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bridge's ear: a UDP socket the bridge's SDP names as its media address, so everything Earpiece sends arrives
 * here. RFC 4733 telephone-events are decoded into digits with their arrival times; other packets are counted.
 */
public final class DtmfCollector implements AutoCloseable {

    /** A digit and when its end packet arrived. */
    public record Digit(char digit, Instant at) {
    }

    private final DatagramSocket socket;
    private final int eventPt;
    private final List<Digit> digits = new CopyOnWriteArrayList<>();
    private final AtomicInteger audioPackets = new AtomicInteger();
    private final AtomicInteger eventPackets = new AtomicInteger();
    private final Thread reader;

    public DtmfCollector(String host, int eventPt) throws SocketException, IOException {
        this.socket = new DatagramSocket(0, InetAddress.getByName(host));
        this.eventPt = eventPt;
        this.reader = new Thread(this::read, "dtmf-collector");
        reader.setDaemon(true);
        reader.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void read() {
        RtpParser parser = new RtpParser();
        TelephoneEventParser events = new TelephoneEventParser();
        DtmfDetector detector = new DtmfDetector();
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                RtpPacket rtp = parser.parse(buf, 0, p.getLength());
                if (rtp.payloadType() == eventPt) {
                    eventPackets.incrementAndGet();
                    detector.onEvent(events.parse(rtp.payload()), rtp.timestamp(),
                            (d, ts, dur) -> digits.add(new Digit(d, Instant.now())));
                } else {
                    audioPackets.incrementAndGet();
                }
            } catch (IOException e) {
                return;
            } catch (Exception e) {
                // not RTP or not an event: counted nowhere, the test only looks at digits and audio
            }
        }
    }

    public List<Digit> digits() {
        return List.copyOf(digits);
    }

    public String digitString() {
        StringBuilder b = new StringBuilder();
        digits.forEach(d -> b.append(d.digit()));
        return b.toString();
    }

    public int audioPackets() {
        return audioPackets.get();
    }

    public int eventPackets() {
        return eventPackets.get();
    }

    @Override
    public void close() {
        socket.close();
    }
}
