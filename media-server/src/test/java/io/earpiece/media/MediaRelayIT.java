package io.earpiece.media;

import io.earpiece.media.support.Captured;
import io.earpiece.media.MediaRelay.Side;
import io.earpiece.media.codec.OpusPayloadDecoder;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;
import io.earpiece.media.support.FreePorts;
import io.earpiece.media.support.OpusStream;
import io.earpiece.media.support.PcmuStream;
import io.earpiece.media.support.Phone;
import io.earpiece.media.support.Tone;
import io.earpiece.media.support.WavFile;
import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpKey;
import io.earpiece.media.srtp.SrtpKeys;
import io.earpiece.media.srtp.SrtpSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two test phones on loopback UDP talking through a relay of the media server. */
class MediaRelayIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void relaysBothWaysByteForByteLatchesToTheRealSourceAndTapsEachParty() throws Exception {
        MediaServer server = server(4, Duration.ofSeconds(10));
        Phone a = phone("a");
        Phone b = phone("b");
        Phone decoy = phone("b-sdp");
        Path wavA = Path.of("target", "it", "relay-a.wav");
        Files.deleteIfExists(wavA);
        Captured aTap = new Captured();
        Captured bTap = new Captured();
        // B's SDP names an address B never sends from, as a phone behind NAT would.
        MediaRelay relay = server.openRelay(new RelaySpec(
                new RelayLegSpec("rep", a.address(), 0, 101, wavA),
                new RelayLegSpec("customer", decoy.address(), 0, 101, null)), aTap, bTap);
        InetSocketAddress toA = target(relay.aLocalPort());
        InetSocketAddress toB = target(relay.bLocalPort());
        PcmuStream fromA = new PcmuStream(440, 8000, 65_530, 4_000_000_000L, 0xA1A1L);
        PcmuStream fromB = new PcmuStream(660, 8000, 100, 12345, 0xB2B2L);

        a.send(toA, fromA.bytes(0));
        await().atMost(WAIT).until(() -> decoy.received().size() == 1);
        assertThat(decoy.received().get(0).from().getPort()).as("sent from B's port").isEqualTo(relay.bLocalPort());
        b.send(toB, fromB.bytes(0));
        await().atMost(WAIT).until(() -> a.received().size() == 1);
        assertThat(a.received().get(0).from().getPort()).isEqualTo(relay.aLocalPort());

        Map<Integer, Long> sentAt = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 1; i <= 100; i++) {
            LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
            sentAt.put(fromA.packet(i).sequenceNumber(), System.nanoTime());
            a.send(toA, fromA.bytes(i));
            sentAt.put(fromB.packet(i).sequenceNumber(), System.nanoTime());
            b.send(toB, fromB.bytes(i));
        }
        await().atMost(WAIT).until(() -> b.received().size() == 100 && a.received().size() == 101);
        assertThat(decoy.received()).as("nothing to the SDP address once B spoke").hasSize(1);
        for (int i = 1; i <= 100; i++) {
            assertThat(b.received().get(i - 1).datagram()).isEqualTo(fromA.bytes(i));
            assertThat(a.received().get(i).datagram()).isEqualTo(fromB.bytes(i));
        }
        List<Long> latencies = new ArrayList<>();
        for (Phone.Received r : b.received()) {
            latencies.add(r.arrivalNanos() - sentAt.get(r.packet().sequenceNumber()));
        }
        for (Phone.Received r : a.received().subList(1, 101)) {
            latencies.add(r.arrivalNanos() - sentAt.get(r.packet().sequenceNumber()));
        }
        latencies.sort(null);
        assertThat(latencies.get(latencies.size() * 99 / 100)).as("p99 one-way through the relay, ns")
                .isLessThan(20_000_000L);

        RelayStats statsA = relay.stats(Side.A);
        assertThat(statsA.packetsReceived()).isEqualTo(101);
        assertThat(statsA.packetsForwarded()).isEqualTo(101);
        assertThat(statsA.peer()).isEqualTo(a.address());
        assertThat(relay.stats(Side.B).peer()).isEqualTo(b.address());
        assertThat(statsA.tap().codec()).isEqualTo("PCMU");
        assertThat(statsA.tapDropped()).isZero();
        await().atMost(WAIT).until(() -> aTap.frames.size() >= 95 && bTap.frames.size() >= 95);
        relay.close();
        assertThat(server.openRelays()).isZero();
        assertThat(server.freePorts()).isEqualTo(4);

        assertThat(aTap.frames).allSatisfy(f -> assertThat(f.legId()).isEqualTo("rep"));
        assertThat(bTap.frames).allSatisfy(f -> assertThat(f.legId()).isEqualTo("customer"));
        short[] repAudio = Captured.concat(aTap.frames);
        short[] customerAudio = Captured.concat(bTap.frames);
        assertThat(Tone.correlation(repAudio, Tone.sine(440, 8000, 16000, 0, repAudio.length), 64, 100 * 320))
                .isGreaterThan(0.99);
        assertThat(Tone.correlation(customerAudio, Tone.sine(660, 8000, 16000, 0, customerAudio.length), 64,
                100 * 320)).isGreaterThan(0.99);
        assertThat(WavFile.read(wavA).samples()).containsExactly(repAudio);
    }

    @Test
    void transcodesPcmuAndPcmaAndPassesDtmfWithTheOtherSidesPayloadType() throws Exception {
        MediaServer server = server(2, Duration.ofSeconds(10));
        Phone a = phone("a");
        Phone b = phone("b");
        Captured aTap = new Captured();
        Captured bTap = new Captured();
        MediaRelay relay = server.openRelay(new RelaySpec(
                new RelayLegSpec("rep", a.address(), 0, 101, null),
                new RelayLegSpec("customer", b.address(), 8, 96, null)), aTap, bTap);
        InetSocketAddress toA = target(relay.aLocalPort());
        InetSocketAddress toB = target(relay.bLocalPort());
        PcmuStream fromA = new PcmuStream(440, 8000, 1, 160_000, 0xA1L);
        RtpPacketWriter writer = new RtpPacketWriter();
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
            a.send(toA, fromA.bytes(i));
            short[] pcm = Tone.sine(660, 8000, 8000, i * 160L, 160);
            b.send(toB, writer.write(RtpPacket.simple(i == 0, 8, 500 + i, 7000 + i * 160L, 0xB1L,
                    G711Codec.PCMA.encode(pcm, 0, 160))));
        }
        for (int i = 0; i < 6; i++) {
            a.send(toA, fromA.telephoneEvent(101, 50 + i, 50 * 160, 9, i >= 3, 160 * (i + 1)));
        }
        for (int i = 56; i < 60; i++) {
            a.send(toA, fromA.bytes(i));
        }
        await().atMost(WAIT).until(() -> b.received().size() == 60 && a.received().size() == 50);

        short[] atB = new short[0];
        for (Phone.Received r : b.received().subList(0, 50)) {
            RtpPacket p = r.packet();
            assertThat(p.payloadType()).isEqualTo(8);
            assertThat(p.ssrc()).isEqualTo(0xA1L);
            atB = append(atB, G711Codec.PCMA.decode(p.payload()));
        }
        assertThat(Tone.correlation(atB, Tone.sine(440, 8000, 8000, 0, atB.length), 0, atB.length))
                .isGreaterThan(0.999);
        for (int i = 0; i < 6; i++) {
            RtpPacket event = b.received().get(50 + i).packet();
            assertThat(event.payloadType()).isEqualTo(96);
            assertThat(event.payload()[0]).isEqualTo((byte) 9);
            assertThat(event.sequenceNumber()).isEqualTo(51 + i);
        }
        short[] atA = new short[0];
        for (Phone.Received r : a.received()) {
            RtpPacket p = r.packet();
            assertThat(p.payloadType()).isZero();
            assertThat(p.timestamp() - 7000).isEqualTo(160L * (p.sequenceNumber() - 500));
            atA = append(atA, G711Codec.PCMU.decode(p.payload()));
        }
        assertThat(Tone.correlation(atA, Tone.sine(660, 8000, 8000, 0, atA.length), 0, atA.length))
                .isGreaterThan(0.999);
        await().atMost(WAIT).until(() -> aTap.digits.size() == 1);
        assertThat(aTap.digits).containsExactly("rep:9@1000");
        assertThat(relay.stats(Side.B).tap().codec()).isEqualTo("PCMA");
        await().atMost(WAIT).until(() -> bTap.frames.size() >= 48);
        short[] customer = Captured.concat(bTap.frames);
        assertThat(Tone.correlation(customer, Tone.sine(660, 8000, 16000, 0, customer.length), 64, 48 * 320))
                .isGreaterThan(0.99);
    }

    @Test
    void anOpusSideIsTappedAt16kHzAndTranscodedToPcmu() throws Exception {
        MediaServer server = server(2, Duration.ofSeconds(10));
        Phone a = phone("a");
        Phone b = phone("b");
        Captured aTap = new Captured();
        Captured bTap = new Captured();
        MediaRelay relay = server.openRelay(new RelaySpec(
                RelayLegSpec.opus("softphone", a.address(), 111, 110, null),
                new RelayLegSpec("customer", b.address(), 0, 101, null)), aTap, bTap);
        InetSocketAddress toA = target(relay.aLocalPort());
        InetSocketAddress toB = target(relay.bLocalPort());
        OpusStream fromA = new OpusStream(500, 8000, 111, 300, 960_000, 0x0A05L);
        PcmuStream fromB = new PcmuStream(660, 8000, 40, 800, 0x0B05L);
        long start = System.nanoTime();
        for (int i = 0; i < 75; i++) {
            LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
            a.send(toA, fromA.nextBytes());
            b.send(toB, fromB.bytes(i));
        }
        await().atMost(WAIT).until(() -> b.received().size() == 75 && a.received().size() == 75);

        short[] atB = new short[0];
        long firstTs = b.received().get(0).packet().timestamp();
        for (int i = 0; i < 75; i++) {
            RtpPacket p = b.received().get(i).packet();
            assertThat(p.payloadType()).isZero();
            assertThat(p.sequenceNumber()).isEqualTo(300 + i);
            assertThat(p.timestamp() - firstTs).isEqualTo(160L * i);
            atB = append(atB, G711Codec.PCMU.decode(p.payload()));
        }
        assertThat(Tone.rms(atB, 1600, atB.length)).isGreaterThan(4000);
        assertThat(Tone.bestCorrelation(atB, Tone.sine(500, 8000, 8000, 0, atB.length), 1600, atB.length, 120))
                .isGreaterThan(0.95);

        OpusPayloadDecoder decoder = new OpusPayloadDecoder(8000);
        short[] atA = new short[0];
        for (int i = 0; i < 75; i++) {
            RtpPacket p = a.received().get(i).packet();
            assertThat(p.payloadType()).isEqualTo(111);
            assertThat(p.timestamp() - 800).isEqualTo(960L * i);
            short[] pcm = new short[decoder.maxSamples(p.payload())];
            atA = append(atA, Arrays.copyOf(pcm, decoder.decode(p.payload(), pcm)));
        }
        assertThat(Tone.rms(atA, 1600, atA.length)).isGreaterThan(4000);
        assertThat(Tone.bestCorrelation(atA, Tone.sine(660, 8000, 8000, 0, atA.length), 1600, atA.length, 120))
                .isGreaterThan(0.9);

        await().atMost(WAIT).until(() -> aTap.frames.size() >= 70);
        assertThat(relay.stats(Side.A).tap().codec()).isEqualTo("OPUS");
        short[] softphone = Captured.concat(aTap.frames);
        assertThat(Tone.rms(softphone, 3200, 70 * 320)).isGreaterThan(4000);
        assertThat(Tone.bestCorrelation(softphone, Tone.sine(500, 8000, 16000, 0, softphone.length), 3200, 70 * 320,
                240)).isGreaterThan(0.95);
    }

    @Test
    void aStuckTapListenerCostsTheTapPacketsButNotTheCall() throws Exception {
        MediaServer server = server(2, Duration.ofSeconds(10));
        Phone a = phone("a");
        Phone b = phone("b");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger framesSeen = new AtomicInteger();
        MediaLegListener stuck = new MediaLegListener() {
            @Override
            public void onFrame(AudioFrame frame) {
                framesSeen.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        MediaRelay relay = server.openRelay(new RelaySpec(
                new RelayLegSpec("rep", a.address(), 0, -1, null),
                new RelayLegSpec("customer", b.address(), 0, -1, null)), stuck, new Captured());
        toClose.add(release::countDown);
        InetSocketAddress toA = target(relay.aLocalPort());
        PcmuStream fromA = new PcmuStream(440, 8000, 1, 0, 0xA1L);
        long start = System.nanoTime();
        for (int i = 0; i < 400; i++) {
            LockSupport.parkNanos(start + i * 2_000_000L - System.nanoTime());
            a.send(toA, fromA.bytes(i));
        }
        await().atMost(WAIT).until(() -> b.received().size() == 400);
        RelayStats stats = relay.stats(Side.A);
        assertThat(stats.packetsForwarded()).isEqualTo(400);
        assertThat(stats.tapDropped()).isGreaterThan(0);
        assertThat(framesSeen.get()).isEqualTo(1);
        release.countDown();
        relay.close();
        assertThat(server.freePorts()).isEqualTo(2);
    }

    @Test
    void holdStopsMediaTowardTheHeldSideUntilItIsTakenOff() throws Exception {
        MediaServer server = server(2, Duration.ofSeconds(10));
        Phone a = phone("a");
        Phone b = phone("b");
        Captured aTap = new Captured();
        MediaRelay relay = server.openRelay(new RelaySpec(
                new RelayLegSpec("rep", a.address(), 0, -1, null),
                new RelayLegSpec("customer", b.address(), 0, -1, null)), aTap, new Captured());
        InetSocketAddress toA = target(relay.aLocalPort());
        InetSocketAddress toB = target(relay.bLocalPort());
        PcmuStream fromA = new PcmuStream(440, 8000, 1, 0, 0xA1L);
        PcmuStream fromB = new PcmuStream(660, 8000, 1, 0, 0xB1L);
        relay.hold(Side.B, true);
        for (int i = 0; i < 10; i++) {
            a.send(toA, fromA.bytes(i));
        }
        b.send(toB, fromB.bytes(0));
        await().atMost(WAIT).until(() -> relay.stats(Side.A).packetsReceived() == 10 && a.received().size() == 1);
        assertThat(b.received()).isEmpty();
        assertThat(relay.stats(Side.A).notForwarded()).isEqualTo(10);

        relay.hold(Side.B, false);
        for (int i = 10; i < 20; i++) {
            a.send(toA, fromA.bytes(i));
        }
        await().atMost(WAIT).until(() -> b.received().size() == 10);
        assertThat(b.received().get(0).datagram()).isEqualTo(fromA.bytes(10));
    }

    @Test
    void eachSideReportsItsOwnMediaTimeout() throws Exception {
        MediaServer server = server(2, Duration.ofMillis(300));
        Phone a = phone("a");
        Captured aTap = new Captured();
        Captured bTap = new Captured();
        MediaRelay relay = server.openRelay(new RelaySpec(
                new RelayLegSpec("rep", null, 0, -1, null),
                new RelayLegSpec("customer", null, 0, -1, null)), aTap, bTap);
        InetSocketAddress toA = target(relay.aLocalPort());
        PcmuStream fromA = new PcmuStream(440, 8000, 1, 0, 0xA1L);
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
            a.send(toA, fromA.bytes(i));
        }
        assertThat(bTap.timeouts.get()).as("B silent for 800 ms").isEqualTo(1);
        assertThat(aTap.timeouts.get()).as("A was talking").isZero();
        await().atMost(WAIT).until(() -> aTap.timeouts.get() == 1);
        assertThat(bTap.timeoutLegs).containsExactly("customer");
    }

    @Test
    void anSrtpSideGetsNoClearG711WhileTheClearSideHearsTheDecryptedAudio() throws Exception {
        MediaServer server = server(4, Duration.ofSeconds(10));
        Phone trunk = phone("trunk");
        Phone desk = phone("desk");
        SrtpKey trunkKey = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 11);
        SrtpKey ourKey = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 12);
        Captured aTap = new Captured();
        Captured bTap = new Captured();
        MediaRelay relay = server.openRelay(new RelaySpec(
                new RelayLegSpec("customer", trunk.address(), 0, 101, null).withSrtp(new SrtpKeys(trunkKey, ourKey)),
                new RelayLegSpec("rep", desk.address(), 0, 101, null)), aTap, bTap);
        InetSocketAddress toA = target(relay.aLocalPort());
        InetSocketAddress toB = target(relay.bLocalPort());
        PcmuStream fromTrunk = new PcmuStream(440, 8000, 65_500, 0, 0xC1C1L);
        PcmuStream fromDesk = new PcmuStream(660, 8000, 100, 0, 0xD2D2L);
        SrtpContext trunkSends = new SrtpContext(trunkKey);
        SrtpContext wrongKey = new SrtpContext(key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 13));
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
            trunk.send(toA, trunkSends.protect(fromTrunk.bytes(i)));
            desk.send(toB, fromDesk.bytes(i));
            if (i % 10 == 5) {
                trunk.send(toA, wrongKey.protect(fromTrunk.bytes(i + 1000)));
            }
        }
        await().atMost(WAIT).until(() -> desk.received().size() == 100 && trunk.received().size() == 100);

        for (int i = 0; i < 100; i++) {
            assertThat(desk.received().get(i).datagram()).as("clear toward the desk phone")
                    .isEqualTo(fromTrunk.bytes(i));
        }
        // What Earpiece sent toward the SRTP side, as a capture there sees it: never the source's G.711.
        SrtpContext trunkReceives = new SrtpContext(ourKey);
        short[] asClear = new short[0];
        short[] decrypted = new short[0];
        for (int i = 0; i < 100; i++) {
            byte[] wire = trunk.received().get(i).datagram();
            assertThat(wire).isNotEqualTo(fromDesk.bytes(i));
            byte[] payload = Arrays.copyOfRange(wire, 12, wire.length - 10);
            assertThat(payload).isNotEqualTo(fromDesk.packet(i).payload());
            asClear = append(asClear, G711Codec.PCMU.decode(payload));
            byte[] rtp = trunkReceives.unprotect(wire);
            assertThat(rtp).isEqualTo(fromDesk.bytes(i));
            decrypted = append(decrypted, G711Codec.PCMU.decode(Arrays.copyOfRange(rtp, 12, rtp.length)));
        }
        short[] source = Tone.sine(660, 8000, 8000, 0, decrypted.length);
        assertThat(Tone.bestCorrelation(decrypted, source, 0, decrypted.length, 0)).isGreaterThan(0.99);
        assertThat(Math.abs(Tone.bestCorrelation(asClear, source, 160, asClear.length, 160)))
                .as("SRTP payloads decoded as G.711 against the source").isLessThan(0.1);

        RelayStats a = relay.stats(Side.A);
        assertThat(a.encrypted()).isTrue();
        assertThat(relay.stats(Side.B).encrypted()).isFalse();
        assertThat(a.droppedSrtpAuthFailed()).isEqualTo(10);
        assertThat(a.packetsForwarded()).isEqualTo(100);
        assertThat(server.counters().droppedSrtpAuthFailed()).isEqualTo(10);
        await().atMost(WAIT).until(() -> aTap.frames.size() >= 95);
        short[] tapped = Captured.concat(aTap.frames);
        assertThat(Tone.correlation(tapped, Tone.sine(440, 8000, 16000, 0, tapped.length), 64, 90 * 320))
                .as("the SRTP side's party is tapped in the clear").isGreaterThan(0.99);
    }

    private static SrtpKey key(SrtpSuite suite, long seed) {
        java.util.Random random = new java.util.Random(seed);
        byte[] k = new byte[suite.keyLength()];
        byte[] s = new byte[suite.saltLength()];
        random.nextBytes(k);
        random.nextBytes(s);
        return new SrtpKey(suite, k, s);
    }

    private MediaServer server(int ports, Duration mediaTimeout) throws IOException {
        int first = FreePorts.evenRun(ports);
        MediaServer server = new MediaServer(new MediaConfig(LOOPBACK.getHostAddress(), first,
                first + 2 * (ports - 1), mediaTimeout, Duration.ofMillis(60)), 2);
        toClose.add(server);
        return server;
    }

    private Phone phone(String name) throws IOException {
        Phone phone = new Phone(name);
        toClose.add(phone);
        return phone;
    }

    private static InetSocketAddress target(int port) {
        return new InetSocketAddress(LOOPBACK, port);
    }

    private static short[] append(short[] a, short[] b) {
        short[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
