package io.earpiece.media.relay;

import io.earpiece.media.MediaRelay.Side;
import io.earpiece.media.RelayLegSpec;
import io.earpiece.media.RelayStats;
import io.earpiece.media.RtpStats;
import io.earpiece.media.leg.DropReason;
import io.earpiece.media.leg.PacketCounters;
import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpKey;
import io.earpiece.media.srtp.SrtpKeys;
import io.earpiece.media.srtp.SrtpSuite;
import io.earpiece.media.support.PcmuStream;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Each relay side encrypts and decrypts on its own: SRTP toward one phone, clear RTP toward the other. */
class SrtpRelayCoreTest {

    private static final InetSocketAddress A_PHONE = new InetSocketAddress("127.0.0.1", 4000);
    private static final InetSocketAddress B_PHONE = new InetSocketAddress("127.0.0.1", 5000);

    private record Sent(Side fromSocketOf, byte[] datagram) {
    }

    private static final class Tap implements PartyTap {
        final List<byte[]> offered = new ArrayList<>();

        @Override
        public boolean offer(InetSocketAddress sender, byte[] datagram, long arrivalNanos) {
            offered.add(datagram);
            return true;
        }

        @Override
        public void formatChanged(RtpFormat newFormat) {
        }

        @Override
        public void mediaTimedOut() {
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public RtpStats stats() {
            return new RtpStats(0, 0, 0, 0, 0, "PCMU");
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Tap aTap = new Tap();
    private final Tap bTap = new Tap();
    private final PacketCounters counters = new PacketCounters();
    private final PcmuStream fromA = new PcmuStream(440, 8000, 10, 0, 0xA);
    private final PcmuStream fromB = new PcmuStream(660, 8000, 20, 0, 0xB);
    // Side A (the trunk) speaks SRTP: it encrypts with aKey, Earpiece encrypts toward it with ourKeyForA.
    private final SrtpKey aKey = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 1);
    private final SrtpKey ourKeyForA = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 2);

    private RelayCore core() {
        return new RelayCore(new RelayLegSpec("a", A_PHONE, 0, 101, null).withSrtp(new SrtpKeys(aKey, ourKeyForA)),
                new RelayLegSpec("b", B_PHONE, 0, 101, null), aTap, bTap, 0,
                (side, target, datagram) -> sent.add(new Sent(side, datagram)), counters, 0);
    }

    @Test
    void decryptsFromTheSrtpSideAndEncryptsTowardIt() throws Exception {
        RelayCore core = core();
        SrtpContext phoneA = new SrtpContext(aKey);
        SrtpContext phoneAReceives = new SrtpContext(ourKeyForA);
        core.onDatagram(Side.A, A_PHONE, phoneA.protect(fromA.bytes(0)), 1);
        core.onDatagram(Side.B, B_PHONE, fromB.bytes(0), 2);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).fromSocketOf()).isEqualTo(Side.B);
        assertThat(sent.get(0).datagram()).as("clear toward B").isEqualTo(fromA.bytes(0));
        assertThat(aTap.offered).singleElement().isEqualTo(fromA.bytes(0));

        byte[] towardA = sent.get(1).datagram();
        assertThat(towardA).hasSize(fromB.bytes(0).length + 10);
        assertThat(Arrays.copyOfRange(towardA, 12, towardA.length - 10))
                .isNotEqualTo(Arrays.copyOfRange(fromB.bytes(0), 12, fromB.bytes(0).length));
        assertThat(phoneAReceives.unprotect(towardA)).isEqualTo(fromB.bytes(0));
        assertThat(bTap.offered).singleElement().isEqualTo(fromB.bytes(0));
        assertThat(core.stats(Side.A).encrypted()).isTrue();
        assertThat(core.stats(Side.B).encrypted()).isFalse();
    }

    @Test
    void wrongKeysAndReplaysAreDroppedAndCountedWhileTheCallGoesOn() throws Exception {
        RelayCore core = core();
        SrtpContext phoneA = new SrtpContext(aKey);
        SrtpContext intruder = new SrtpContext(key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 99));
        byte[] first = phoneA.protect(fromA.bytes(0));
        core.onDatagram(Side.A, A_PHONE, first, 1);
        core.onDatagram(Side.A, A_PHONE, first, 2);
        core.onDatagram(Side.A, A_PHONE, intruder.protect(fromA.bytes(1)), 3);
        core.onDatagram(Side.A, A_PHONE, fromA.bytes(2), 4);
        core.onDatagram(Side.A, A_PHONE, phoneA.protect(fromA.bytes(3)), 5);

        RelayStats a = core.stats(Side.A);
        assertThat(a.packetsForwarded()).isEqualTo(2);
        assertThat(a.droppedSrtpReplayed()).isEqualTo(1);
        assertThat(a.droppedSrtpAuthFailed()).as("wrong key, and clear RTP on an SRTP side").isEqualTo(2);
        assertThat(counters.dropped(DropReason.SRTP_AUTH_FAILED)).isEqualTo(2);
        assertThat(counters.dropped(DropReason.SRTP_REPLAYED)).isEqualTo(1);
        assertThat(aTap.offered).hasSize(2);
    }

    @Test
    void reKeyingSwitchesTheKeysOfOneSideOnly() throws Exception {
        RelayCore core = core();
        SrtpKey newKey = key(SrtpSuite.AES_CM_128_HMAC_SHA1_32, 3);
        SrtpKey newOurs = key(SrtpSuite.AES_CM_128_HMAC_SHA1_32, 4);
        core.srtp(Side.A, new SrtpKeys(newKey, newOurs));
        core.onDatagram(Side.A, A_PHONE, new SrtpContext(aKey).protect(fromA.bytes(0)), 1);
        assertThat(core.stats(Side.A).droppedSrtpAuthFailed()).as("the old key is gone").isEqualTo(1);
        core.onDatagram(Side.A, A_PHONE, new SrtpContext(newKey).protect(fromA.bytes(1)), 2);
        core.onDatagram(Side.B, B_PHONE, fromB.bytes(0), 3);
        assertThat(sent.get(0).datagram()).isEqualTo(fromA.bytes(1));
        assertThat(new SrtpContext(newOurs).unprotect(sent.get(1).datagram())).isEqualTo(fromB.bytes(0));

        core.srtp(Side.A, null);
        core.onDatagram(Side.B, B_PHONE, fromB.bytes(1), 4);
        assertThat(sent.get(2).datagram()).as("SRTP switched off on A").isEqualTo(fromB.bytes(1));
    }

    static SrtpKey key(SrtpSuite suite, long seed) {
        Random random = new Random(seed);
        byte[] k = new byte[suite.keyLength()];
        byte[] s = new byte[suite.saltLength()];
        random.nextBytes(k);
        random.nextBytes(s);
        return new SrtpKey(suite, k, s);
    }
}
