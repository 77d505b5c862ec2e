package io.earpiece.media.jitter;

import io.earpiece.media.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JitterBufferTest {

    private static final long MS = 1_000_000;
    private final JitterBuffer buffer = new JitterBuffer(60 * MS, 100);
    private final Recorder out = new Recorder();

    @Test
    void holdsTheFirstPacketSoEarlierOnesCanStillArrive() {
        offer(11, 0);
        buffer.drain(0, out);
        assertThat(out.seqs).isEmpty();
        offer(10, 5 * MS);
        buffer.drain(59 * MS, out);
        assertThat(out.seqs).isEmpty();
        buffer.drain(60 * MS, out);
        assertThat(out.seqs).containsExactly(10, 11);
        assertThat(out.lost).isZero();
    }

    @Test
    void releasesContiguousPacketsAtOnceAndReordersAroundAGap() {
        start(100);
        offer(101, 20 * MS);
        offer(103, 40 * MS);
        offer(104, 60 * MS);
        buffer.drain(60 * MS, out);
        assertThat(out.seqs).containsExactly(100, 101);
        offer(102, 70 * MS);
        buffer.drain(70 * MS, out);
        assertThat(out.seqs).containsExactly(100, 101, 102, 103, 104);
        assertThat(out.lost).isZero();
    }

    @Test
    void declaresAGapLostOnceTheNextPacketWaitedTheHoldDelay() {
        start(500);
        offer(503, 20 * MS);
        buffer.drain(79 * MS, out);
        assertThat(out.seqs).containsExactly(500);
        buffer.drain(80 * MS, out);
        assertThat(out.seqs).containsExactly(500, 503);
        assertThat(out.lost).isEqualTo(2);
        assertThat(out.firstLost).containsExactly(501);
    }

    @Test
    void tellsWhenTheNextReleaseFallsDue() {
        assertThat(buffer.nextReleaseNanos()).isEqualTo(Long.MAX_VALUE);
        start(10);
        offer(12, 30 * MS);
        offer(13, 20 * MS);
        assertThat(buffer.nextReleaseNanos()).isEqualTo(80 * MS);
        offer(11, 40 * MS);
        assertThat(buffer.nextReleaseNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void refusesLateAndDuplicatePackets() {
        start(7);
        assertThat(offer(7, 10 * MS)).isEqualTo(JitterBuffer.Offer.LATE);
        assertThat(offer(9, 10 * MS)).isEqualTo(JitterBuffer.Offer.ACCEPTED);
        assertThat(offer(9, 11 * MS)).isEqualTo(JitterBuffer.Offer.DUPLICATE);
        buffer.drain(100 * MS, out);
        assertThat(offer(8, 101 * MS)).as("its slot was declared lost").isEqualTo(JitterBuffer.Offer.LATE);
    }

    @Test
    void ordersAcrossTheSixteenBitWrap() {
        start(65534);
        offer(0, 10 * MS);
        offer(65535, 11 * MS);
        offer(1, 12 * MS);
        buffer.drain(12 * MS, out);
        assertThat(out.seqs).containsExactly(65534, 65535, 0, 1);
        assertThat(offer(65535, 13 * MS)).isEqualTo(JitterBuffer.Offer.LATE);
    }

    @Test
    void flushReleasesEverythingInOrderWithGapsReported() {
        start(1);
        offer(5, MS);
        offer(3, MS);
        buffer.flush(out);
        assertThat(out.seqs).containsExactly(1, 3, 5);
        assertThat(out.lost).isEqualTo(2);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void capacityForcesReleaseWhenAGapNeverFills() {
        JitterBuffer small = new JitterBuffer(60 * MS, 3);
        small.offer(packet(0), 0);
        small.drain(60 * MS, out);
        for (int seq = 2; seq <= 5; seq++) {
            small.offer(packet(seq), 61 * MS);
        }
        small.drain(61 * MS, out);
        assertThat(out.seqs).containsExactly(0, 2, 3, 4, 5);
    }

    private void start(int seq) {
        offer(seq, -60 * MS);
        buffer.drain(0, out);
        assertThat(out.seqs).containsExactly(seq);
    }

    private JitterBuffer.Offer offer(int seq, long now) {
        return buffer.offer(packet(seq), now);
    }

    private static RtpPacket packet(int seq) {
        return RtpPacket.simple(false, 0, seq, seq * 160L, 1, new byte[0]);
    }

    private static final class Recorder implements JitterBuffer.Sink {
        final List<Integer> seqs = new ArrayList<>();
        final List<Integer> firstLost = new ArrayList<>();
        long lost;

        @Override
        public void onPacket(RtpPacket packet) {
            seqs.add(packet.sequenceNumber());
        }

        @Override
        public void onLost(int firstSeq, long count) {
            firstLost.add(firstSeq);
            lost += count;
        }
    }
}
