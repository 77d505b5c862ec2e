package io.earpiece.media.bench;

import io.earpiece.media.AudioFrame;
import io.earpiece.media.MediaConfig;
import io.earpiece.media.MediaCounters;
import io.earpiece.media.MediaLeg;
import io.earpiece.media.MediaLegListener;
import io.earpiece.media.MediaLegSpec;
import io.earpiece.media.MediaServer;
import io.earpiece.media.RtpStats;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;
import io.earpiece.media.support.Tone;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Loopback RTP ingest benchmark: N concurrent 20 ms PCMU streams sent in real time into an in-process
 * {@link MediaServer}; prints packet rate, loss, the media threads' CPU and the frames delivered.
 */
public final class RtpIngestBench {

    private static final long PERIOD_NANOS = 20_000_000L;
    private static final int SLOTS = 20;

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int packetsPerStream = seconds * 50;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        LongAdder frames = new LongAdder();
        MediaLegListener listener = new MediaLegListener() {
            @Override
            public void onFrame(AudioFrame frame) {
                frames.increment();
            }
        };

        // A wide pool: ports other programs hold on this machine are skipped by the server.
        MediaConfig config = new MediaConfig(loopback.getHostAddress(), 42000, 43999, Duration.ofSeconds(10),
                Duration.ofMillis(60));
        try (MediaServer server = new MediaServer(config)) {
            List<DatagramChannel> senders = new ArrayList<>();
            List<MediaLeg> legs = new ArrayList<>();
            List<InetSocketAddress> targets = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                DatagramChannel sender = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
                senders.add(sender);
                MediaLeg leg = server.open(new MediaLegSpec("bench-" + s,
                        (InetSocketAddress) sender.getLocalAddress(), 0, 101, null), listener);
                legs.add(leg);
                targets.add(new InetSocketAddress(loopback, leg.localPort()));
            }
            byte[][] payloads = oneSecondOfTone();
            RtpPacketWriter writer = new RtpPacketWriter();

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long mediaCpuStart = mediaThreadsCpuNanos(threads);
            long processCpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            long sent = 0;
            long nextReport = start + 10_000_000_000L;
            ByteBuffer buffer = ByteBuffer.allocate(512);
            // Streams are spread over 20 one-millisecond slots so they do not all arrive in the same instant.
            for (int packet = 0; packet < packetsPerStream; packet++) {
                for (int slot = 0; slot < SLOTS; slot++) {
                    long due = start + packet * PERIOD_NANOS + slot * (PERIOD_NANOS / SLOTS);
                    LockSupport.parkNanos(due - System.nanoTime());
                    for (int s = slot; s < streams; s += SLOTS) {
                        byte[] wire = writer.write(RtpPacket.simple(packet == 0, 0, 1000 * s + packet,
                                (long) s * 7919 + packet * 160L, 0x1000 + s, payloads[packet % payloads.length]));
                        buffer.clear();
                        buffer.put(wire).flip();
                        senders.get(s).send(buffer, targets.get(s));
                        sent++;
                    }
                }
                if (System.nanoTime() >= nextReport) {
                    nextReport += 10_000_000_000L;
                    System.err.printf(Locale.ROOT, "t=%ds sent=%d received=%d frames=%d%n",
                            (System.nanoTime() - start) / 1_000_000_000L, sent, server.counters().packetsReceived(),
                            frames.sum());
                }
            }
            long sendEnd = System.nanoTime();
            long mediaCpu = mediaThreadsCpuNanos(threads) - mediaCpuStart;
            long processCpu = os.getProcessCpuTime() - processCpuStart;
            double wall = (sendEnd - start) / 1e9;

            // Let the last packets through the jitter buffer, then close the legs so every frame is flushed.
            long settle = System.nanoTime() + 2_000_000_000L;
            while (server.counters().packetsReceived() < sent && System.nanoTime() < settle) {
                LockSupport.parkNanos(10_000_000L);
            }
            MediaCounters counters = server.counters();
            double jitterSum = 0;
            long lost = 0;
            for (MediaLeg leg : legs) {
                RtpStats stats = leg.stats();
                jitterSum += stats.jitterMs();
                lost += stats.packetsLost();
            }
            for (MediaLeg leg : legs) {
                leg.close();
            }
            for (DatagramChannel sender : senders) {
                sender.close();
            }
            long received = counters.packetsReceived();
            System.out.printf(Locale.ROOT,
                    "streams=%d seconds=%d pps=%.0f loss_pct=%.3f cpu_pct=%.1f proc_cpu_pct=%.1f frames=%d "
                            + "expected_frames=%d lost=%d dropped=%d jitter_ms_avg=%.2f%n",
                    streams, seconds, received / wall, 100.0 * (sent - received) / sent, 100.0 * mediaCpu / 1e9 / wall,
                    100.0 * processCpu / 1e9 / wall, frames.sum(), (long) streams * packetsPerStream, lost,
                    counters.dropped(), jitterSum / streams);
        }
    }

    private static byte[][] oneSecondOfTone() {
        byte[][] payloads = new byte[50][];
        for (int i = 0; i < payloads.length; i++) {
            short[] pcm = Tone.sine(400, 6000, 8000, i * 160L, 160);
            payloads[i] = G711Codec.PCMU.encode(pcm, 0, pcm.length);
        }
        return payloads;
    }

    /** CPU time of the media server's event loop threads only, leaving out the load generator. */
    private static long mediaThreadsCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(MediaServer.THREAD_PREFIX)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
