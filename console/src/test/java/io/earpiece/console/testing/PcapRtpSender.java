package io.earpiece.console.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays the RTP packets of a classic libpcap file (Ethernet/IPv4/UDP, as {@code synth-call} writes them) from a
 * socket to an address at their recorded pace, like sipp's {@code play_pcap_audio}, for a second stream that one
 * sipp process cannot send (SIPREC offers two m-lines; sipp plays only to the first).
 */
public final class PcapRtpSender implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private volatile int sent;

    private PcapRtpSender(DatagramSocket socket, List<long[]> times, List<byte[]> payloads, InetSocketAddress to) {
        this.socket = socket;
        this.thread = new Thread(() -> play(times, payloads, to), "pcap-rtp-sender");
        this.thread.setDaemon(true);
    }

    /** Starts sending {@code pcap}'s UDP payloads from {@code socket} to {@code to}. */
    public static PcapRtpSender start(Path pcap, DatagramSocket socket, InetSocketAddress to) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        List<long[]> times = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            long micros = b.getInt(pos) * 1_000_000L + b.getInt(pos + 4);
            int caplen = b.getInt(pos + 8);
            int frame = pos + 16;
            int ipHeader = (b.get(frame + 14) & 0x0F) * 4;
            int udp = frame + 14 + ipHeader;
            int udpLength = ((b.get(udp + 4) & 0xFF) << 8) | (b.get(udp + 5) & 0xFF);
            byte[] payload = new byte[udpLength - 8];
            b.get(udp + 8, payload);
            times.add(new long[] {micros});
            payloads.add(payload);
            pos = frame + caplen;
        }
        PcapRtpSender s = new PcapRtpSender(socket, times, payloads, to);
        s.thread.start();
        return s;
    }

    private void play(List<long[]> times, List<byte[]> payloads, InetSocketAddress to) {
        long start = System.nanoTime();
        long first = times.isEmpty() ? 0 : times.get(0)[0];
        for (int i = 0; i < payloads.size(); i++) {
            long due = start + (times.get(i)[0] - first) * 1000;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            try {
                socket.send(new DatagramPacket(payloads.get(i), payloads.get(i).length, to));
                sent++;
            } catch (IOException e) {
                return;
            }
        }
    }

    public int sent() {
        return sent;
    }

    /** Waits until every packet has been sent. */
    public void await() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
