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
    private final StringBuilder inband = new StringBuilder();
    private char inbandKey;
    private int inbandFrames;

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
                    if (rtp.payloadType() == 0) {
                        tone(io.earpiece.media.g711.G711Codec.forPayloadType(0).decode(rtp.payload()));
                    }
                }
            } catch (IOException e) {
                return;
            } catch (Exception e) {
                // not RTP or not an event: counted nowhere, the test only looks at digits and audio
            }
        }
    }

    private static final String KEYS = "123A456B789C*0#D";
    private static final int[] ROWS = {697, 770, 852, 941};
    private static final int[] COLUMNS = {1209, 1336, 1477, 1633};

    /**
     * In-band DTMF: a 20 ms frame whose strongest row and column tones hold most of its energy is that key; a key
     * counts once it lasted two frames, and again only after a frame without it.
     */
    private void tone(short[] s) {
        double total = 0;
        for (short v : s) {
            total += (double) v * v;
        }
        char key = 0;
        if (total / s.length > 1e5) {
            int r = strongest(s, ROWS);
            int c = strongest(s, COLUMNS);
            double pair = power(s, ROWS[r]) + power(s, COLUMNS[c]);
            // power() of a tone of amplitude A is N A^2 / 4, its energy N A^2 / 2: a clean pair gives half the total
            if (pair > 0.3 * total) {
                key = KEYS.charAt(r * 4 + c);
            }
        }
        synchronized (inband) {
            if (key != 0 && key == inbandKey) {
                if (++inbandFrames == 2) {
                    inband.append(key);
                }
            } else {
                inbandKey = key;
                inbandFrames = key == 0 ? 0 : 1;
            }
        }
    }

    private static int strongest(short[] s, int[] freqs) {
        int best = 0;
        for (int i = 1; i < freqs.length; i++) {
            if (power(s, freqs[i]) > power(s, freqs[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double power(short[] s, int f) {
        double coeff = 2 * Math.cos(2 * Math.PI * f / 8000.0);
        double q1 = 0;
        double q2 = 0;
        for (short v : s) {
            double q0 = coeff * q1 - q2 + v;
            q2 = q1;
            q1 = q0;
        }
        return (q1 * q1 + q2 * q2 - coeff * q1 * q2) / s.length;
    }

    /** The keys heard as in-band tones in Earpiece's PCMU audio. */
    public String inbandDigits() {
        synchronized (inband) {
            return inband.toString();
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
