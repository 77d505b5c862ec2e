package io.earpiece.media.bench;

import io.earpiece.media.AudioFrame;
import io.earpiece.media.MediaConfig;
import io.earpiece.media.MediaLegListener;
import io.earpiece.media.MediaRelay;
import io.earpiece.media.MediaServer;
import io.earpiece.media.RelayLegSpec;
import io.earpiece.media.RelaySpec;
import io.earpiece.media.RelayStats;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;
import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpKey;
import io.earpiece.media.srtp.SrtpKeys;
import io.earpiece.media.srtp.SrtpSuite;
import io.earpiece.media.support.Tone;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Loopback relay benchmark: N concurrent relayed calls, each two phones sending real-time 20 ms PCMU to their
 * relay port while receiving the other's stream, both directions tapped. The send time rides in the first eight
 * payload bytes, so each received packet gives one one-way latency through the relay (kernel loopback included).
 * In SRTP mode every phone speaks SRTP (AES_CM_128_HMAC_SHA1_80) with keys of its own and the relay's, so each packet
 * is decrypted and re-encrypted by the relay; the phones' own encryption and decryption fall inside the measured
 * latency (a little added to the relay's share) but not inside the relay's CPU.
 */
public final class RelayBench {

    /** One run's figures. */
    private record Result(double p50, double p99, double lossPct, double cpuPctPerCall, long tapDropped,
                          double max) {
    }

    private static final long PERIOD_NANOS = 20_000_000L;
    private static final int SLOTS = 20;
    /** Untimed seconds first, so class loading and JIT compilation are not counted as relay latency. */
    private static final int WARMUP_SECONDS = 3;
    private static final AtomicLong MEASURE_FROM = new AtomicLong(Long.MAX_VALUE);

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String mode = args.length > 2 ? args[2] : "clear";
        if (mode.equals("compare")) {
            // Same JVM, runs in the order clear, SRTP, SRTP, clear, so a machine whose load drifts over the
            // minutes weighs on both modes alike; each mode's figures are the mean of its two runs.
            Result[] runs = new Result[4];
            boolean[] srtpRun = {false, true, true, false};
            for (int i = 0; i < runs.length; i++) {
                MEASURE_FROM.set(Long.MAX_VALUE);
                runs[i] = run(calls, seconds, srtpRun[i]);
                System.err.printf(Locale.ROOT, "run %d %s p99_ms=%.3f cpu_pct_per_call=%.2f%n", i,
                        srtpRun[i] ? "srtp" : "clear", runs[i].p99(), runs[i].cpuPctPerCall());
            }
            double clearP99 = (runs[0].p99() + runs[3].p99()) / 2;
            double srtpP99 = (runs[1].p99() + runs[2].p99()) / 2;
            double clearCpu = (runs[0].cpuPctPerCall() + runs[3].cpuPctPerCall()) / 2;
            double srtpCpu = (runs[1].cpuPctPerCall() + runs[2].cpuPctPerCall()) / 2;
            System.out.printf(Locale.ROOT, "calls=%d seconds=%d clear_p99_ms=%.3f srtp_p99_ms=%.3f "
                            + "added_p99_ms=%.3f clear_cpu_pct_per_call=%.2f srtp_cpu_pct_per_call=%.2f "
                            + "cpu_ratio=%.2f srtp_loss_pct=%.3f relay_crypto_us_per_packet=%.2f%n", calls, seconds,
                    clearP99, srtpP99, srtpP99 - clearP99, clearCpu, srtpCpu, srtpCpu / clearCpu,
                    Math.max(runs[1].lossPct(), runs[2].lossPct()), cryptoMicrosPerPacket());
            return;
        }
        if (!mode.equals("clear") && !mode.equals("srtp")) {
            throw new IllegalArgumentException("mode must be clear, srtp or compare, not " + mode);
        }
        Result r = run(calls, seconds, mode.equals("srtp"));
        System.out.printf(Locale.ROOT,
                "calls=%d seconds=%d mode=%s p50_ms=%.3f p99_ms=%.3f loss_pct=%.3f cpu_pct_per_call=%.2f "
                        + "tap_dropped=%d max_ms=%.2f%n",
                calls, seconds, mode, r.p50(), r.p99(), r.lossPct(), r.cpuPctPerCall(), r.tapDropped(), r.max());
    }

    private static Result run(int calls, int seconds, boolean srtp) throws Exception {
        int packetsPerStream = seconds * 50;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        LongAdder frames = new LongAdder();
        MediaLegListener tap = new MediaLegListener() {
            @Override
            public void onFrame(AudioFrame frame) {
                frames.increment();
            }
        };
        MediaConfig config = new MediaConfig(loopback.getHostAddress(), 44000, 45999, Duration.ofSeconds(30),
                Duration.ofMillis(60));
        try (MediaServer server = new MediaServer(config); Selector selector = Selector.open()) {
            int streams = 2 * calls;
            DatagramChannel[] phones = new DatagramChannel[streams];
            InetSocketAddress[] relayPorts = new InetSocketAddress[streams];
            SrtpContext[] encrypt = new SrtpContext[streams];
            Map<DatagramChannel, SrtpContext> decrypt = new HashMap<>();
            List<MediaRelay> relays = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                DatagramChannel a = phone(loopback, selector);
                DatagramChannel b = phone(loopback, selector);
                RelayLegSpec aSpec = new RelayLegSpec("call" + c + "-a", (InetSocketAddress) a.getLocalAddress(), 0,
                        101, null);
                RelayLegSpec bSpec = new RelayLegSpec("call" + c + "-b", (InetSocketAddress) b.getLocalAddress(), 0,
                        101, null);
                if (srtp) {
                    aSpec = aSpec.withSrtp(keys(2 * c, a, encrypt, decrypt));
                    bSpec = bSpec.withSrtp(keys(2 * c + 1, b, encrypt, decrypt));
                }
                MediaRelay relay = server.openRelay(new RelaySpec(aSpec, bSpec), tap, tap);
                relays.add(relay);
                phones[2 * c] = a;
                phones[2 * c + 1] = b;
                relayPorts[2 * c] = new InetSocketAddress(loopback, relay.aLocalPort());
                relayPorts[2 * c + 1] = new InetSocketAddress(loopback, relay.bLocalPort());
            }
            long[] latencies = new long[streams * packetsPerStream + 16];
            AtomicLong received = new AtomicLong();
            Thread receiver = new Thread(() -> receive(selector, latencies, received, decrypt), "bench-receiver");
            receiver.setDaemon(true);
            receiver.start();

            byte[][] payloads = oneSecondOfTone();
            RtpPacketWriter writer = new RtpPacketWriter();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long mediaCpuStart = 0;
            long processCpuStart = 0;
            long begin = System.nanoTime();
            long start = begin + WARMUP_SECONDS * 1_000_000_000L;
            long sent = 0;
            long nextReport = start + 10_000_000_000L;
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int warmupPackets = WARMUP_SECONDS * 50;
            for (int packet = 0; packet < warmupPackets + packetsPerStream; packet++) {
                if (packet == warmupPackets) {
                    mediaCpuStart = mediaThreadsCpuNanos(threads);
                    processCpuStart = os.getProcessCpuTime();
                    MEASURE_FROM.set(System.nanoTime());
                }
                boolean measured = packet >= warmupPackets;
                for (int slot = 0; slot < SLOTS; slot++) {
                    long due = begin + packet * PERIOD_NANOS + slot * (PERIOD_NANOS / SLOTS);
                    LockSupport.parkNanos(due - System.nanoTime());
                    for (int s = slot; s < streams; s += SLOTS) {
                        byte[] payload = payloads[packet % payloads.length].clone();
                        ByteBuffer.wrap(payload).putLong(0, System.nanoTime());
                        byte[] wire = writer.write(RtpPacket.simple(packet == 0, 0, 1000 * s + packet,
                                (long) s * 7919 + packet * 160L, 0x1000 + s, payload));
                        if (srtp) {
                            wire = encrypt[s].protect(wire);
                        }
                        buffer.clear();
                        buffer.put(wire).flip();
                        phones[s].send(buffer, relayPorts[s]);
                        if (measured) {
                            sent++;
                        }
                    }
                }
                if (System.nanoTime() >= nextReport) {
                    nextReport += 10_000_000_000L;
                    System.err.printf(Locale.ROOT, "t=%ds sent=%d received=%d frames=%d%n",
                            (System.nanoTime() - start) / 1_000_000_000L, sent, received.get(), frames.sum());
                }
            }
            long sendEnd = System.nanoTime();
            long mediaCpu = mediaThreadsCpuNanos(threads) - mediaCpuStart;
            long processCpu = os.getProcessCpuTime() - processCpuStart;
            double wall = (sendEnd - start) / 1e9;
            long settle = System.nanoTime() + 2_000_000_000L;
            while (received.get() < sent && System.nanoTime() < settle) {
                LockSupport.parkNanos(10_000_000L);
            }
            long got = received.get();
            long tapDropped = 0;
            long forwarded = 0;
            for (MediaRelay relay : relays) {
                for (MediaRelay.Side side : MediaRelay.Side.values()) {
                    RelayStats stats = relay.stats(side);
                    tapDropped += stats.tapDropped();
                    forwarded += stats.packetsForwarded();
                }
            }
            for (MediaRelay relay : relays) {
                relay.close();
            }
            for (DatagramChannel phone : phones) {
                phone.close();
            }
            long[] measured = Arrays.copyOf(latencies, (int) Math.min(got, latencies.length));
            if (System.getenv("RELAY_BENCH_TRACE") != null) {
                // Per-second p99, to tell a steady relay cost from stalls of an overloaded machine.
                int perSecond = streams * 50;
                StringBuilder trace = new StringBuilder("p99_ms per second:");
                for (int from = 0; from + perSecond <= measured.length; from += perSecond) {
                    long[] second = Arrays.copyOfRange(measured, from, from + perSecond);
                    Arrays.sort(second);
                    trace.append(String.format(Locale.ROOT, " %.1f", percentile(second, 0.99)));
                }
                System.err.println(trace);
            }
            Arrays.sort(measured);
            double p50 = percentile(measured, 0.50);
            double p99 = percentile(measured, 0.99);
            double max = measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1e6;
            System.err.printf(Locale.ROOT, "sent=%d forwarded_incl_warmup=%d received=%d tap_frames=%d tap_dropped=%d "
                            + "max_ms=%.2f relay_cpu_pct=%.1f proc_cpu_pct=%.1f%n", sent, forwarded, got,
                    frames.sum(), tapDropped, max, 100.0 * mediaCpu / 1e9 / wall, 100.0 * processCpu / 1e9 / wall);
            return new Result(p50, p99, 100.0 * (sent - got) / sent, 100.0 * mediaCpu / 1e9 / wall / calls,
                    tapDropped, max);
        }
    }

    /**
     * CPU cost of what the relay adds per forwarded packet on an SRTP-to-SRTP call, one thread, no I/O: decrypting
     * a 172-byte SRTP packet and encrypting it for the other side. Independent of the machine's other load, which
     * the latency percentiles are not.
     */
    private static double cryptoMicrosPerPacket() throws Exception {
        SrtpKey phoneKey = randomKey();
        SrtpContext phone = new SrtpContext(phoneKey);
        SrtpContext relayIn = new SrtpContext(phoneKey);
        SrtpContext relayOut = new SrtpContext(randomKey());
        RtpPacketWriter writer = new RtpPacketWriter();
        byte[][] payloads = oneSecondOfTone();
        int warmup = 50_000;
        int timed = 100_000;
        byte[][] packets = new byte[warmup + timed][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = phone.protect(writer.write(RtpPacket.simple(false, 0, i, i * 160L, 0x4242,
                    payloads[i % payloads.length])));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = 0;
        for (int i = 0; i < packets.length; i++) {
            if (i == warmup) {
                start = threads.getCurrentThreadCpuTime();
            }
            relayOut.protect(relayIn.unprotect(packets[i]));
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / timed;
    }

    /** Keys of phone {@code s}: it encrypts with its own, the relay toward it with another; random per run. */
    private static SrtpKeys keys(int s, DatagramChannel phone, SrtpContext[] encrypt,
                                 Map<DatagramChannel, SrtpContext> decrypt) {
        SrtpKey phoneKey = randomKey();
        SrtpKey relayKey = randomKey();
        encrypt[s] = new SrtpContext(phoneKey);
        decrypt.put(phone, new SrtpContext(relayKey));
        return new SrtpKeys(phoneKey, relayKey);
    }

    private static SrtpKey randomKey() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] key = new byte[16];
        byte[] salt = new byte[14];
        random.nextBytes(key);
        random.nextBytes(salt);
        return new SrtpKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key, salt);
    }

    private static DatagramChannel phone(InetAddress loopback, Selector selector) throws Exception {
        DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
        return channel;
    }

    /** Reads every phone's socket; each datagram's latency is now minus the send time in its payload. */
    private static void receive(Selector selector, long[] latencies, AtomicLong received,
                                Map<DatagramChannel, SrtpContext> decrypt) {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
            while (selector.isOpen()) {
                selector.select(100);
                if (!selector.isOpen()) {
                    return;
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    while (true) {
                        buffer.clear();
                        if (channel.receive(buffer) == null) {
                            break;
                        }
                        // Taken on arrival: the phone's own decryption is not the relay's latency.
                        long now = System.nanoTime();
                        SrtpContext srtp = decrypt.get(channel);
                        long sentAt;
                        if (srtp == null) {
                            sentAt = buffer.getLong(12);
                        } else {
                            byte[] wire = new byte[buffer.position()];
                            buffer.get(0, wire);
                            try {
                                sentAt = ByteBuffer.wrap(srtp.unprotect(wire)).getLong(12);
                            } catch (io.earpiece.media.srtp.SrtpException e) {
                                continue;
                            }
                        }
                        if (sentAt < MEASURE_FROM.get()) {
                            continue;
                        }
                        long n = received.getAndIncrement();
                        if (n < latencies.length) {
                            latencies[(int) n] = now - sentAt;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (Exception e) {
            // The selector or a channel closed at the end of the run.
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    private static byte[][] oneSecondOfTone() {
        byte[][] payloads = new byte[50][];
        for (int i = 0; i < payloads.length; i++) {
            short[] pcm = Tone.sine(400, 6000, 8000, i * 160L, 160);
            payloads[i] = G711Codec.PCMU.encode(pcm, 0, pcm.length);
        }
        return payloads;
    }

    /** CPU time of the media server's I/O and tap threads, leaving out the load generator. */
    private static long mediaThreadsCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith(MediaServer.THREAD_PREFIX)
                    || info.getThreadName().startsWith(MediaServer.TAP_THREAD_PREFIX))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
