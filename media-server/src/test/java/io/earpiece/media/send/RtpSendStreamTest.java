package io.earpiece.media.send;

import io.earpiece.media.dtmf.DtmfDetector;
import io.earpiece.media.dtmf.DtmfTones;
import io.earpiece.media.dtmf.TelephoneEvent;
import io.earpiece.media.dtmf.TelephoneEventParser;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtpSendStreamTest {

    private final RtpParser parser = new RtpParser();

    private List<RtpPacket> run(RtpSendStream s, int ticks) throws Exception {
        List<RtpPacket> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            out.add(parser.parse(s.next()));
        }
        return out;
    }

    @Test
    void sendsSilenceWithARunningClockWhenIdle() throws Exception {
        List<RtpPacket> p = run(new RtpSendStream(0, 101, new Random(1)), 5);
        assertThat(p).allMatch(x -> x.payloadType() == 0 && x.payload().length == 160);
        assertThat(p.get(0).marker()).isTrue();
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.get(i).sequenceNumber()).isEqualTo((p.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
            assertThat(p.get(i).timestamp()).isEqualTo((p.get(i - 1).timestamp() + 160) & 0xFFFF_FFFFL);
        }
    }

    @Test
    void keysGoAsRfc4733EventsWithThreeEndsEach() throws Exception {
        RtpSendStream s = new RtpSendStream(8, 101, new Random(2));
        CompletableFuture<Void> done = s.dial("1234#", Duration.ofMillis(100), Duration.ofMillis(60));
        List<RtpPacket> p = run(s, 60);
        assertThat(done).isCompleted();
        StringBuilder digits = new StringBuilder();
        DtmfDetector detector = new DtmfDetector();
        TelephoneEventParser events = new TelephoneEventParser();
        int ends = 0;
        int markers = 0;
        for (RtpPacket x : p) {
            if (x.payloadType() == 101) {
                TelephoneEvent e = events.parse(x.payload());
                ends += e.end() ? 1 : 0;
                markers += x.marker() ? 1 : 0;
                detector.onEvent(e, x.timestamp(), (d, ts, dur) -> {
                    digits.append(d);
                    assertThat(dur).isEqualTo(800); // 100 ms at 8 kHz
                });
            } else {
                assertThat(x.payloadType()).isEqualTo(8);
            }
            assertThat(x.ssrc()).isEqualTo(p.get(0).ssrc());
        }
        assertThat(digits.toString()).isEqualTo("1234#");
        assertThat(ends).isEqualTo(15);
        assertThat(markers).isEqualTo(5);
        // audio after the events goes on from where the clock is, not from the event's start
        RtpPacket last = p.get(p.size() - 1);
        assertThat(last.timestamp()).isEqualTo((p.get(0).timestamp() + 160L * (p.size() - 1)) & 0xFFFF_FFFFL);
    }

    @Test
    void withoutTelephoneEventKeysAreInBandTones() throws Exception {
        RtpSendStream s = new RtpSendStream(0, -1, new Random(3));
        s.dial("9#", Duration.ofMillis(120), Duration.ofMillis(80));
        List<RtpPacket> p = run(s, 20);
        assertThat(p).allMatch(x -> x.payloadType() == 0);
        // ticks 0-5: '9', 6-9: gap, 10-15: '#'
        assertThat(strongest(p.subList(1, 5))).containsExactly(852, 1477);
        assertThat(energy(p.subList(6, 10))).isLessThan(1.0);
        assertThat(strongest(p.subList(11, 15))).containsExactly(941, 1477);
    }

    @Test
    void refusesWhatIsNotAKey() {
        RtpSendStream s = new RtpSendStream(0, 101, new Random(4));
        assertThatThrownBy(() -> s.dial("12x", Duration.ofMillis(100), Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> s.dial("1", Duration.ofMillis(20), Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static short[] pcm(List<RtpPacket> packets) {
        short[] out = new short[packets.size() * 160];
        int at = 0;
        for (RtpPacket x : packets) {
            short[] s = G711Codec.forPayloadType(x.payloadType()).decode(x.payload());
            System.arraycopy(s, 0, out, at, s.length);
            at += s.length;
        }
        return out;
    }

    private static double energy(List<RtpPacket> packets) {
        double e = 0;
        for (short v : pcm(packets)) {
            e += v * (double) v;
        }
        return e / (packets.size() * 160.0);
    }

    /** The strongest row and column frequency by Goertzel. */
    private static List<Integer> strongest(List<RtpPacket> packets) {
        short[] s = pcm(packets);
        int[] rows = {697, 770, 852, 941};
        int[] cols = {1209, 1336, 1477, 1633};
        return List.of(best(s, rows), best(s, cols));
    }

    private static int best(short[] s, int[] freqs) {
        int best = -1;
        double bestPower = -1;
        for (int f : freqs) {
            double coeff = 2 * Math.cos(2 * Math.PI * f / 8000.0);
            double q1 = 0;
            double q2 = 0;
            for (short v : s) {
                double q0 = coeff * q1 - q2 + v;
                q2 = q1;
                q1 = q0;
            }
            double power = q1 * q1 + q2 * q2 - coeff * q1 * q2;
            if (power > bestPower) {
                bestPower = power;
                best = f;
            }
        }
        return best;
    }

    @Test
    void tonesAreTheQ23Pairs() {
        assertThat(DtmfTones.frequencies('5')).containsExactly(770, 1336);
        assertThat(DtmfTones.frequencies('*')).containsExactly(941, 1209);
        assertThat(DtmfTones.eventCode('#')).isEqualTo(11);
    }
}
