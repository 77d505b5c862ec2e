package io.earpiece.media.relay;

import io.earpiece.media.AudioCodec;
import io.earpiece.media.MediaRelay.Side;
import io.earpiece.media.RelayLegSpec;
import io.earpiece.media.RelayStats;
import io.earpiece.media.RtpStats;
import io.earpiece.media.leg.PacketCounters;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpParser;
import io.earpiece.media.support.PcmuStream;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's forwarding decisions with a fake socket and fake taps. */
class RelayCoreTest {

    private static final long MS = 1_000_000;
    private static final InetSocketAddress A_SDP = new InetSocketAddress("10.0.0.5", 4000);
    private static final InetSocketAddress A_NAT = new InetSocketAddress("203.0.113.9", 61000);
    private static final InetSocketAddress B_PHONE = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.3", 5000);

    private record Sent(Side fromSocketOf, InetSocketAddress target, byte[] datagram) {
    }

    private static final class FakeTap implements PartyTap {
        final List<byte[]> offered = new ArrayList<>();
        boolean refuse;
        int timeouts;
        long dropped;
        RtpFormat format;

        @Override
        public boolean offer(InetSocketAddress sender, byte[] datagram, long arrivalNanos) {
            if (refuse) {
                dropped++;
                return false;
            }
            offered.add(datagram);
            return true;
        }

        @Override
        public void formatChanged(RtpFormat newFormat) {
            format = newFormat;
        }

        @Override
        public void mediaTimedOut() {
            timeouts++;
        }

        @Override
        public long dropped() {
            return dropped;
        }

        @Override
        public RtpStats stats() {
            return new RtpStats(0, 0, 0, 0, 0, "PCMU");
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final FakeTap aTap = new FakeTap();
    private final FakeTap bTap = new FakeTap();
    private final PacketCounters counters = new PacketCounters();
    private final PcmuStream fromA = new PcmuStream(440, 8000, 10, 0, 0xA);
    private final PcmuStream fromB = new PcmuStream(660, 8000, 20, 0, 0xB);

    private RelayCore core(RelayLegSpec a, RelayLegSpec b) {
        return new RelayCore(a, b, aTap, bTap, 300 * MS, (side, target, datagram) -> sent.add(new Sent(side, target,
                datagram)), counters, 0);
    }

    @Test
    void latchesToTheNatAddressAndSendsFromTheOtherSidesSocket() throws Exception {
        RelayCore core = core(new RelayLegSpec("a", A_SDP, 0, 101, null), new RelayLegSpec("b", null, 0, 101, null));
        core.onDatagram(Side.B, B_PHONE, fromB.bytes(0), 1 * MS);
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.fromSocketOf()).isEqualTo(Side.A);
            assertThat(s.target()).as("before A speaks, its SDP address").isEqualTo(A_SDP);
        });
        core.onDatagram(Side.A, A_NAT, fromA.bytes(0), 2 * MS);
        core.onDatagram(Side.B, B_PHONE, fromB.bytes(1), 3 * MS);
        assertThat(sent.get(1).fromSocketOf()).isEqualTo(Side.B);
        assertThat(sent.get(1).target()).isEqualTo(B_PHONE);
        assertThat(sent.get(2).target()).as("latched to where A really sends from").isEqualTo(A_NAT);
        assertThat(core.stats(Side.A).peer()).isEqualTo(A_NAT);

        core.onDatagram(Side.A, STRANGER, fromA.bytes(1), 4 * MS);
        core.onDatagram(Side.A, A_NAT, new byte[] {1, 2, 3}, 4 * MS);
        core.onDatagram(Side.A, A_NAT, RtpPacketsFor.pt(18), 4 * MS);
        RelayStats a = core.stats(Side.A);
        assertThat(a.packetsReceived()).isEqualTo(1);
        assertThat(a.packetsForwarded()).isEqualTo(1);
        assertThat(a.droppedWrongSource()).isEqualTo(1);
        assertThat(a.droppedMalformed()).isEqualTo(1);
        assertThat(a.droppedWrongPayloadType()).isEqualTo(1);
        assertThat(aTap.offered).hasSize(1);
        assertThat(bTap.offered).hasSize(2);
        assertThat(counters.accepted()).isEqualTo(3);
    }

    @Test
    void aStrictSideOnlyTalksToItsSdpAddress() throws Exception {
        RelayCore core = core(new RelayLegSpec("a", B_PHONE, false, AudioCodec.PCMU, 0, -1, null),
                new RelayLegSpec("b", null, 0, -1, null));
        core.onDatagram(Side.A, STRANGER, fromA.bytes(0), MS);
        assertThat(core.stats(Side.A).droppedWrongSource()).isEqualTo(1);
        core.onDatagram(Side.A, B_PHONE, fromA.bytes(1), MS);
        assertThat(core.stats(Side.A).packetsReceived()).isEqualTo(1);
        assertThat(core.stats(Side.A).notForwarded()).as("B has not spoken, no address").isEqualTo(1);
    }

    @Test
    void aTapThatRefusesNeverStopsForwarding() throws Exception {
        RelayCore core = core(new RelayLegSpec("a", null, 0, -1, null), new RelayLegSpec("b", B_PHONE, 0, -1, null));
        aTap.refuse = true;
        for (int i = 0; i < 20; i++) {
            core.onDatagram(Side.A, A_NAT, fromA.bytes(i), i * 20 * MS);
        }
        assertThat(sent).hasSize(20);
        assertThat(core.stats(Side.A).packetsForwarded()).isEqualTo(20);
        assertThat(core.stats(Side.A).tapDropped()).isEqualTo(20);
    }

    @Test
    void holdStopsMediaTowardTheHeldSideAndSuspendsTapsAndTimeouts() throws Exception {
        RelayCore core = core(new RelayLegSpec("a", A_SDP, 0, -1, null), new RelayLegSpec("b", B_PHONE, 0, -1, null));
        core.hold(Side.B, true, 0);
        core.onDatagram(Side.A, A_SDP, fromA.bytes(0), MS);
        core.onDatagram(Side.B, B_PHONE, fromB.bytes(0), MS);
        assertThat(sent).singleElement().satisfies(s -> assertThat(s.target()).isEqualTo(A_SDP));
        assertThat(core.stats(Side.A).notForwarded()).isEqualTo(1);
        assertThat(aTap.offered).isEmpty();
        core.tick(2000 * MS);
        assertThat(aTap.timeouts + bTap.timeouts).as("quiet while held is no timeout").isZero();

        core.hold(Side.B, false, 2000 * MS);
        core.tick(2200 * MS);
        assertThat(aTap.timeouts).isZero();
        core.onDatagram(Side.A, A_SDP, fromA.bytes(1), 2250 * MS);
        assertThat(sent).hasSize(2);
        assertThat(aTap.offered).hasSize(1);
        core.tick(2400 * MS);
        assertThat(bTap.timeouts).as("B quiet since un-hold").isEqualTo(1);
        assertThat(aTap.timeouts).isZero();
        core.tick(2600 * MS);
        assertThat(aTap.timeouts).isEqualTo(1);
        assertThat(bTap.timeouts).as("once per silence").isEqualTo(1);
    }

    @Test
    void aReinviteChangesCodecAndRelatches() throws Exception {
        RelayCore core = core(new RelayLegSpec("a", null, 0, 101, null), new RelayLegSpec("b", B_PHONE, 0, 101, null));
        core.onDatagram(Side.A, A_NAT, fromA.bytes(0), MS);
        core.update(Side.B, B_PHONE, new RtpFormat(AudioCodec.PCMA, 8, 101));
        core.update(Side.A, null, new RtpFormat(AudioCodec.PCMU, 0, 101));
        core.onDatagram(Side.A, STRANGER, fromA.bytes(1), 2 * MS);
        assertThat(bTap.format).isEqualTo(new RtpFormat(AudioCodec.PCMA, 8, 101));
        RtpPacket last = new RtpParser().parse(sent.get(sent.size() - 1).datagram());
        assertThat(last.payloadType()).isEqualTo(8);
        assertThat(core.stats(Side.A).peer()).isEqualTo(STRANGER);
    }

    @Test
    void anAgreedFormatChangesCodecAndEventsButKeepsTheLatchedAddress() throws Exception {
        RelayCore core = core(new RelayLegSpec("a", A_SDP, 0, 101, null), new RelayLegSpec("b", B_PHONE, 0, 96, null));
        core.onDatagram(Side.A, A_NAT, fromA.bytes(0), MS);
        core.format(Side.A, new RtpFormat(AudioCodec.PCMA, 8, 101));
        assertThat(aTap.format).isEqualTo(new RtpFormat(AudioCodec.PCMA, 8, 101));
        byte[] pcma = new io.earpiece.media.rtp.RtpPacketWriter().write(RtpPacket.simple(false, 8, 2, 320, 0xA,
                io.earpiece.media.g711.G711Codec.PCMA.encode(new short[160], 0, 160)));
        core.onDatagram(Side.A, A_NAT, pcma, 2 * MS);
        core.onDatagram(Side.A, A_NAT, fromA.bytes(2), 3 * MS);
        core.onDatagram(Side.A, A_NAT, fromA.telephoneEvent(101, 3, 480, 5, true, 160), 4 * MS);
        assertThat(sent).extracting(Sent::target).containsOnly(B_PHONE);
        assertThat(sent).extracting(s -> new RtpParser().parse(s.datagram()).payloadType())
                .as("PCMU, PCMA transcoded to PCMU, the event renumbered; the stale PCMU packet dropped")
                .containsExactly(0, 0, 96);
        assertThat(core.stats(Side.A).droppedWrongPayloadType()).isEqualTo(1);
        core.onDatagram(Side.B, B_PHONE, fromB.bytes(0), 5 * MS);
        assertThat(sent.get(sent.size() - 1).target()).as("still latched to the NAT address").isEqualTo(A_NAT);
        assertThat(new RtpParser().parse(sent.get(sent.size() - 1).datagram()).payloadType()).isEqualTo(8);
    }

    /** Minimal packets for drop tests. */
    private static final class RtpPacketsFor {
        static byte[] pt(int payloadType) {
            return new io.earpiece.media.rtp.RtpPacketWriter().write(RtpPacket.simple(false, payloadType, 1, 0, 0xA,
                    new byte[20]));
        }
    }
}
