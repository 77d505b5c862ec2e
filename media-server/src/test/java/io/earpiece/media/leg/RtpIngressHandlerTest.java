package io.earpiece.media.leg;

import io.earpiece.media.support.Captured;
import io.earpiece.media.AudioFrame;
import io.earpiece.media.AudioCodec;
import io.earpiece.media.MediaConfig;
import io.earpiece.media.MediaLegSpec;
import io.earpiece.media.RtpStats;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;
import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpKey;
import io.earpiece.media.srtp.SrtpSuite;
import io.earpiece.media.support.PcmuStream;
import io.earpiece.media.support.Tone;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The leg's receive path driven through Netty's EmbeddedChannel with a hand-cranked clock. */
class RtpIngressHandlerTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.2", 50000);
    private static final long MS = 1_000_000;

    private final AtomicLong clock = new AtomicLong();
    private final PacketCounters counters = new PacketCounters();
    private final Captured captured = new Captured();
    private final PcmuStream stream = new PcmuStream(440, 9000, 1000, 123_456, 0xCAFE);
    private EmbeddedChannel channel;
    private LegPipeline pipeline;

    @AfterEach
    void closeChannel() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void reordersDecodesAndFramesWhileCountingGarbage() throws Exception {
        open(PEER, -1);
        for (int i : new int[] {0, 1, 2, 4, 3, 5, 6, 7, 8, 9}) {
            send(PEER, stream.bytes(i));
            if (i == 4) {
                send(PEER, new byte[] {1, 2, 3});
                send(PEER, new byte[12]);
            }
        }
        elapse(70);
        assertThat(captured.frames).hasSize(9);
        channel.close().sync();
        assertThat(captured.frames).hasSize(10);
        assertThat(captured.frames).extracting(AudioFrame::mediaTimeMs)
                .containsExactly(0L, 20L, 40L, 60L, 80L, 100L, 120L, 140L, 160L, 180L);
        short[] audio = Captured.concat(captured.frames);
        short[] reference = Tone.sine(440, 9000, 16000, 0, audio.length);
        assertThat(Tone.correlation(audio, reference, 100, 3100)).isGreaterThan(0.995);
        assertThat(counters.dropped(DropReason.MALFORMED)).isEqualTo(2);
        assertThat(counters.accepted()).isEqualTo(10);
        assertThat(counters.datagrams()).isEqualTo(12);
        RtpStats stats = pipeline.stats();
        assertThat(stats.packetsReceived()).isEqualTo(10);
        assertThat(stats.packetsLost()).isZero();
        assertThat(stats.packetsDropped()).isEqualTo(2);
        assertThat(stats.codec()).isEqualTo("PCMU");
    }

    @Test
    void lostPacketBecomesSilenceSoMediaTimeStaysOnTheTimestamps() throws Exception {
        open(PEER, -1);
        for (int i = 0; i < 10; i++) {
            if (i != 4) {
                send(PEER, stream.bytes(i));
            }
        }
        elapse(70);
        elapse(70);
        channel.close().sync();
        assertThat(captured.frames).hasSize(10);
        short[] lostFrame = captured.frames.get(4).samples();
        assertThat(Tone.rms(lostFrame, 32, 288)).isLessThan(50);
        assertThat(Tone.rms(captured.frames.get(6).samples(), 0, 320)).isGreaterThan(5000);
        assertThat(pipeline.stats().packetsLost()).isEqualTo(1);
    }

    @Test
    void dropsOtherSourcesAndPayloadTypesAndLateDuplicates() throws Exception {
        open(PEER, 101);
        send(PEER, stream.bytes(0));
        send(STRANGER, stream.bytes(1));
        send(PEER, new RtpPacketWriter().write(RtpPacket.simple(false, 18, 1001, 0, 0xCAFE, new byte[20])));
        send(PEER, stream.bytes(1));
        elapse(70);
        send(PEER, stream.bytes(1));
        assertThat(counters.dropped(DropReason.WRONG_SOURCE)).isEqualTo(1);
        assertThat(counters.dropped(DropReason.WRONG_PAYLOAD_TYPE)).isEqualTo(1);
        assertThat(counters.dropped(DropReason.LATE_DUPLICATE)).isEqualTo(1);
        assertThat(pipeline.stats().packetsDropped()).isEqualTo(3);
        assertThat(pipeline.stats().packetsReceived()).isEqualTo(2);
    }

    @Test
    void latchesTheFirstValidSourceWhenTheRemoteIsUnspecified() throws Exception {
        open(new InetSocketAddress("0.0.0.0", 0), -1);
        send(STRANGER, new byte[] {9});
        send(PEER, new RtpPacketWriter().write(RtpPacket.simple(false, 18, 1, 0, 0xCAFE, new byte[20])));
        send(STRANGER, stream.bytes(0));
        send(PEER, stream.bytes(1));
        assertThat(counters.dropped(DropReason.WRONG_SOURCE)).isEqualTo(1);
        assertThat(counters.accepted()).isEqualTo(1);
    }

    @Test
    void updateRemoteMovesThePeerAndSwitchesTheCodec() throws Exception {
        open(PEER, -1);
        send(PEER, stream.bytes(0));
        pipeline.updateRemote(STRANGER, 8);
        byte[] pcma = G711Codec.PCMA.encode(Tone.sine(440, 9000, 8000, 160, 160), 0, 160);
        send(STRANGER, new RtpPacketWriter().write(RtpPacket.simple(false, 8, 1001, 123_456 + 160, 0xCAFE, pcma)));
        send(PEER, stream.bytes(2));
        send(STRANGER, stream.bytes(3));
        assertThat(counters.accepted()).isEqualTo(2);
        assertThat(counters.dropped(DropReason.WRONG_SOURCE)).isEqualTo(1);
        assertThat(counters.dropped(DropReason.WRONG_PAYLOAD_TYPE)).isEqualTo(1);
        assertThat(pipeline.stats().codec()).isEqualTo("PCMA");
        channel.close().sync();
        short[] audio = Captured.concat(captured.frames);
        assertThat(Tone.correlation(audio, Tone.sine(440, 9000, 16000, 0, audio.length), 40, 600))
                .isGreaterThan(0.99);
    }

    @Test
    void reportsDtmfDigitsOnceAtTheirMediaTime() throws Exception {
        open(PEER, 101);
        send(PEER, stream.bytes(0));
        send(PEER, stream.bytes(1));
        for (int i = 0; i < 3; i++) {
            send(PEER, stream.telephoneEvent(101, 2 + i, 320, 9, false, 160 * (i + 1)));
        }
        for (int i = 0; i < 3; i++) {
            send(PEER, stream.telephoneEvent(101, 5 + i, 320, 9, true, 640));
        }
        send(PEER, stream.bytes(8));
        elapse(70);
        assertThat(captured.digits).containsExactly("leg-1:9@40");
        channel.close().sync();
        // The event's sequence numbers carry no audio; its timestamps are filled with silence.
        assertThat(captured.frames).hasSize(9);
        assertThat(captured.digits).hasSize(1);
    }

    @Test
    void aReinviteRenumberingTelephoneEventsIsReadWithTheNewTypeFromThen() throws Exception {
        open(PEER, 101);
        send(PEER, stream.bytes(0));
        send(PEER, stream.telephoneEvent(101, 1, 160, 1, true, 160));
        pipeline.updateRemote(null, AudioCodec.PCMU, 0, 96);
        send(PEER, stream.telephoneEvent(101, 2, 480, 2, true, 160));
        send(PEER, stream.telephoneEvent(96, 3, 800, 3, true, 160));
        send(PEER, stream.bytes(4));
        elapse(70);
        channel.close().sync();
        assertThat(captured.digits).as("the first with the old type, the last with the new; 101 is gone")
                .extracting(d -> d.substring(0, d.indexOf('@'))).containsExactly("leg-1:1", "leg-1:3");
        assertThat(counters.dropped(DropReason.WRONG_PAYLOAD_TYPE)).isEqualTo(1);
    }

    @Test
    void newSsrcContinuesTheTimelineInsteadOfJumping() throws Exception {
        open(PEER, -1);
        send(PEER, stream.bytes(0));
        send(PEER, stream.bytes(1));
        PcmuStream other = new PcmuStream(440, 9000, 7, 999_999_000L, 0xBEEF);
        send(PEER, other.bytes(0));
        send(PEER, other.bytes(1));
        elapse(70);
        channel.close().sync();
        assertThat(captured.frames).hasSize(4);
        assertThat(pipeline.stats().packetsReceived()).isEqualTo(4);
        assertThat(pipeline.stats().packetsLost()).isZero();
    }

    @Test
    void mediaTimeoutFiresOncePerSilence() throws Exception {
        open(PEER, -1);
        elapse(400);
        assertThat(captured.timeouts.get()).isZero();
        elapse(200);
        assertThat(captured.timeouts.get()).isEqualTo(1);
        elapse(600);
        assertThat(captured.timeouts.get()).isEqualTo(1);
        send(PEER, stream.bytes(0));
        elapse(600);
        assertThat(captured.timeouts.get()).isEqualTo(2);
    }

    @Test
    void garbageNeverStopsTheChannel() throws Exception {
        open(PEER, -1);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            send(PEER, junk);
        }
        assertThat(channel.isActive()).isTrue();
        send(PEER, stream.bytes(0));
        elapse(70);
        channel.close().sync();
        assertThat(captured.frames).isNotEmpty();
        assertThat(counters.dropped(DropReason.MALFORMED) + counters.dropped(DropReason.WRONG_PAYLOAD_TYPE)
                + counters.accepted()).isEqualTo(501);
    }

    @Test
    void srtpIsDecryptedBeforeTheJitterBufferAndBadPacketsAreCountedNotFatal() throws Exception {
        SrtpKey key = new SrtpKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, new byte[16], new byte[14]);
        byte[] otherKey = new byte[16];
        otherKey[0] = 1;
        open(new MediaLegSpec("leg-1", PEER, 0, -1, null, key));
        SrtpContext phone = new SrtpContext(key);
        SrtpContext intruder = new SrtpContext(new SrtpKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, otherKey, new byte[14]));
        for (int i : new int[] {0, 1, 2, 4, 3, 5, 6, 7, 8, 9}) {
            byte[] srtp = phone.protect(stream.bytes(i));
            send(PEER, srtp);
            if (i == 4) {
                send(PEER, srtp);
                send(PEER, intruder.protect(stream.bytes(i + 100)));
                send(PEER, stream.bytes(i + 200));
            }
        }
        elapse(70);
        channel.close().sync();
        assertThat(captured.frames).hasSize(10);
        short[] audio = Captured.concat(captured.frames);
        assertThat(Tone.correlation(audio, Tone.sine(440, 9000, 16000, 0, audio.length), 100, 3100))
                .isGreaterThan(0.995);
        assertThat(counters.dropped(DropReason.SRTP_REPLAYED)).isEqualTo(1);
        assertThat(counters.dropped(DropReason.SRTP_AUTH_FAILED)).as("wrong key, and clear RTP").isEqualTo(2);
        assertThat(counters.accepted()).isEqualTo(10);
        assertThat(captured.timeouts.get()).isZero();
    }

    private void open(InetSocketAddress remote, int telephoneEventPt) throws Exception {
        open(new MediaLegSpec("leg-1", remote, 0, telephoneEventPt, null));
    }

    private void open(MediaLegSpec spec) throws Exception {
        MediaConfig config = new MediaConfig("127.0.0.1", 40000, 40010, Duration.ofMillis(500),
                Duration.ofMillis(60));
        pipeline = new LegPipeline(spec, captured, config, counters, clock::get);
        channel = new EmbeddedChannel(new RtpIngressHandler(pipeline, Duration.ofMillis(10)));
    }

    private void send(InetSocketAddress from, byte[] data) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(data), LOCAL, from));
    }

    /** Moves both the pipeline's clock and the channel's scheduler forward, running the ticks that fall due. */
    private void elapse(long millis) {
        for (long t = 0; t < millis; t += 10) {
            clock.addAndGet(10 * MS);
            channel.advanceTimeBy(10, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
    }
}
