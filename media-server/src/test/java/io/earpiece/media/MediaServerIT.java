package io.earpiece.media;

import io.earpiece.media.support.Captured;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;
import io.earpiece.media.support.FreePorts;
import io.earpiece.media.support.PcmuStream;
import io.earpiece.media.support.Tone;
import io.earpiece.media.support.WavFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The media server on real loopback UDP sockets. */
class MediaServerIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int TE_PT = 101;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void deliversAReorderedLossyPcmuStreamAsFramesCountersAndRecording() throws Exception {
        MediaServer server = server(4, Duration.ofSeconds(5));
        DatagramChannel peer = socket();
        DatagramChannel stranger = socket();
        Path wav = Path.of("target", "it", "leg-a.wav");
        Files.deleteIfExists(wav);
        Captured captured = new Captured();
        MediaLeg leg = server.open(new MediaLegSpec("leg-a", (InetSocketAddress) peer.getLocalAddress(), 0, TE_PT,
                wav), captured);
        InetSocketAddress target = new InetSocketAddress(LOOPBACK, leg.localPort());
        PcmuStream stream = new PcmuStream(440, 8000, 65_000, 0xFFFF_FF00L, 0x1234_5678L);

        List<byte[]> plan = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            if (i == 10) {
                plan.add(stream.bytes(11));
                plan.add(stream.bytes(10));
                i = 11;
                continue;
            }
            if (i != 20) {
                plan.add(stream.bytes(i));
            }
            if (i == 29) {
                plan.add(stream.bytes(25));
            }
        }
        for (int i = 0; i < 3; i++) {
            plan.add(stream.telephoneEvent(TE_PT, 50 + i, 50 * 160, 5, false, 160 * (i + 1)));
        }
        for (int i = 0; i < 3; i++) {
            plan.add(stream.telephoneEvent(TE_PT, 53 + i, 50 * 160, 5, true, 960));
        }
        for (int i = 56; i < 66; i++) {
            plan.add(stream.bytes(i));
        }
        long start = System.nanoTime();
        for (int i = 0; i < plan.size(); i++) {
            // Real-time pacing, so the jitter buffer's hold and the gap release run on real clocks.
            LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
            send(peer, target, plan.get(i));
            if (i == 15) {
                send(peer, target, new byte[] {0x42});
                send(peer, target, new byte[12]);
                send(peer, target, new byte[] {(byte) 0x8F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
                send(stranger, target, stream.bytes(16));
                send(peer, target, new RtpPacketWriter().write(RtpPacket.simple(false, 18, 1, 0, 1, new byte[20])));
            }
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> captured.frames.size() >= 65);
        MediaCounters counters = server.counters();
        assertThat(counters.droppedMalformed()).isEqualTo(3);
        assertThat(counters.droppedWrongSource()).isEqualTo(1);
        assertThat(counters.droppedWrongPayloadType()).isEqualTo(1);
        assertThat(counters.droppedLateDuplicate()).isEqualTo(1);
        assertThat(counters.packetsReceived()).isEqualTo(49 + 6 + 10);
        assertThat(counters.legsOpen()).isEqualTo(1);
        RtpStats stats = leg.stats();
        assertThat(stats.packetsLost()).isEqualTo(1);
        assertThat(stats.packetsDropped()).isEqualTo(6);
        assertThat(stats.codec()).isEqualTo("PCMU");
        assertThat(stats.jitterMs()).isBetween(0.0, 20.0);

        leg.close();
        assertThat(captured.frames).hasSize(66);
        for (int i = 0; i < 66; i++) {
            assertThat(captured.frames.get(i).mediaTimeMs()).isEqualTo(20L * i);
        }
        assertThat(captured.digits).containsExactly("leg-a:5@1000");
        short[] audio = Captured.concat(captured.frames);
        short[] reference = Tone.sine(440, 8000, 16000, 0, audio.length);
        assertThat(Tone.correlation(audio, reference, 0, 20 * 320 - 32)).isGreaterThan(0.99);
        assertThat(Tone.rms(audio, 20 * 320 + 32, 21 * 320 - 32)).as("lost packet is silence").isLessThan(50);
        assertThat(Tone.correlation(audio, reference, 21 * 320 + 32, 50 * 320 - 32)).isGreaterThan(0.99);
        assertThat(Tone.rms(audio, 50 * 320 + 32, 56 * 320 - 32)).as("DTMF time is silence").isLessThan(50);
        assertThat(Tone.correlation(audio, reference, 56 * 320 + 32, 66 * 320 - 32)).isGreaterThan(0.99);

        WavFile recording = WavFile.read(wav);
        assertThat(recording.sampleRate()).isEqualTo(16000);
        assertThat(recording.dataSize()).isEqualTo(66 * 320 * 2);
        assertThat(recording.samples()).containsExactly(audio);
        assertThat(server.openLegs()).isZero();
    }

    @Test
    void mediaTimeoutFiresOnceWhenNoRtpArrives() throws Exception {
        MediaServer server = server(2, Duration.ofMillis(300));
        Captured captured = new Captured();
        server.open(new MediaLegSpec("quiet", null, 8, -1, null), captured);
        await().atMost(Duration.ofSeconds(3)).until(() -> captured.timeouts.get() == 1);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> captured.timeouts.get() == 1);
    }

    @Test
    void mediaTimeoutFiresAfterTheStreamStops() throws Exception {
        MediaServer server = server(2, Duration.ofMillis(300));
        DatagramChannel peer = socket();
        Captured captured = new Captured();
        MediaLeg leg = server.open(new MediaLegSpec("stops", new InetSocketAddress("0.0.0.0", 0), 0, -1, null),
                captured);
        PcmuStream stream = new PcmuStream(300, 5000, 1, 0, 77);
        InetSocketAddress target = new InetSocketAddress(LOOPBACK, leg.localPort());
        long start = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
            send(peer, target, stream.bytes(i));
        }
        long stopped = System.nanoTime();
        await().atMost(Duration.ofSeconds(3)).until(() -> captured.timeouts.get() == 1);
        assertThat(System.nanoTime() - stopped).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(leg.stats().packetsReceived()).isEqualTo(25);
    }

    @Test
    void portsComeBackOnCloseAndAnEmptyPoolIsTyped() throws Exception {
        MediaServer server = server(2, Duration.ofSeconds(5));
        MediaLeg first = server.open(new MediaLegSpec("one", null, 0, -1, null), new Captured());
        MediaLeg second = server.open(new MediaLegSpec("two", null, 0, -1, null), new Captured());
        assertThat(first.localPort() % 2).isZero();
        assertThat(second.localPort()).isNotEqualTo(first.localPort());
        assertThat(server.openLegs()).isEqualTo(2);
        assertThatThrownBy(() -> server.open(new MediaLegSpec("three", null, 0, -1, null), new Captured()))
                .isInstanceOf(PortsExhaustedException.class);

        int freed = first.localPort();
        first.close();
        assertThat(server.openLegs()).isEqualTo(1);
        assertThat(server.freePorts()).isEqualTo(1);
        assertThat(server.counters().legsOpen()).isEqualTo(1);
        MediaLeg third = server.open(new MediaLegSpec("three", null, 0, -1, null), new Captured());
        assertThat(third.localPort()).isEqualTo(freed);

        int secondPort = second.localPort();
        server.close();
        assertThat(server.openLegs()).isZero();
        assertThat(server.freePorts()).isEqualTo(2);
        // The operating system has the sockets back too.
        try (DatagramSocket rebind = new DatagramSocket(new InetSocketAddress(LOOPBACK, secondPort))) {
            assertThat(rebind.getLocalPort()).isEqualTo(secondPort);
        }
    }

    @Test
    void usesNativeEpollOnLinuxX86() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"));
        assertThat(server(1, Duration.ofSeconds(5)).transportName()).isEqualTo("epoll");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"best", "nio"})
    void aPortHeldByAnotherProcessIsSkipped(String transport) throws Exception {
        MediaServer server = server(2, Duration.ofSeconds(5),
                transport.equals("nio") ? DatagramTransport.nio() : DatagramTransport.best());
        MediaLeg probe = server.open(new MediaLegSpec("probe", null, 0, -1, null), new Captured());
        int busy = probe.localPort();
        probe.close();
        // A freed port goes to the back of the queue, so the next open takes the other one; then only the
        // squatted port is left and binding it fails.
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, busy))) {
            MediaLeg a = server.open(new MediaLegSpec("a", null, 0, -1, null), new Captured());
            assertThat(a.localPort()).isNotEqualTo(busy);
            assertThatThrownBy(() -> server.open(new MediaLegSpec("b", null, 0, -1, null), new Captured()))
                    .isInstanceOf(PortsExhaustedException.class);
            assertThat(server.freePorts()).isEqualTo(1);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"best", "nio"})
    void aBusyPortIsSkippedForTheNextFreeOneInTheSameOpen(String transport) throws Exception {
        MediaServer server = server(3, Duration.ofSeconds(5),
                transport.equals("nio") ? DatagramTransport.nio() : DatagramTransport.best());
        MediaLeg probe = server.open(new MediaLegSpec("probe", null, 0, -1, null), new Captured());
        int first = probe.localPort();
        probe.close();
        // The queue is now first+2, first+4, first: squat the head so one open must try twice.
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, first + 2))) {
            MediaLeg a = server.open(new MediaLegSpec("a", null, 0, -1, null), new Captured());
            assertThat(a.localPort()).isEqualTo(first + 4);
            a.close();
        }
    }

    private MediaServer server(int ports, Duration mediaTimeout) throws IOException {
        return server(ports, mediaTimeout, DatagramTransport.best());
    }

    private MediaServer server(int ports, Duration mediaTimeout, DatagramTransport transport) throws IOException {
        int first = freeEvenPorts(ports);
        MediaServer server = new MediaServer(new MediaConfig(LOOPBACK.getHostAddress(), first,
                first + 2 * (ports - 1), mediaTimeout, Duration.ofMillis(60)), 2, transport);
        toClose.add(server);
        return server;
    }

    private DatagramChannel socket() throws IOException {
        DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
        toClose.add(channel);
        return channel;
    }

    private static void send(DatagramChannel from, InetSocketAddress to, byte[] data) throws IOException {
        from.send(ByteBuffer.wrap(data), to);
    }

    private static int freeEvenPorts(int count) throws IOException {
        return FreePorts.evenRun(count);
    }
}
