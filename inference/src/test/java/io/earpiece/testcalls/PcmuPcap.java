package io.earpiece.testcalls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One party's audio as RTP/PCMU in a classic libpcap file (Ethernet, IPv4, UDP), the input of sipp's
 * {@code play_pcap_audio}: 8 kHz mu-law, 160 samples (20 ms) a packet, capture times 20 ms apart. A last partial
 * packet is dropped, as a phone would never send one.
 */
final class PcmuPcap {
    static final int SAMPLES_PER_PACKET = 160;
    private static final int ETHERNET = 14;
    private static final int IPV4 = 20;
    private static final int UDP = 8;
    private static final int RTP = 12;

    private PcmuPcap() {
    }

    static void write(Path path, short[] pcm8k, int ssrc, int destinationPort) throws IOException {
        int packets = pcm8k.length / SAMPLES_PER_PACKET;
        int frame = ETHERNET + IPV4 + UDP + RTP + SAMPLES_PER_PACKET;
        ByteBuffer b = ByteBuffer.allocate(24 + packets * (16 + frame));
        b.order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(1); // link type Ethernet
        for (int p = 0; p < packets; p++) {
            long micros = p * 20_000L;
            b.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frame).putInt(frame);
            b.order(ByteOrder.BIG_ENDIAN);
            b.put(new byte[12]).putShort((short) 0x0800);
            int ip = b.position();
            b.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4 + UDP + RTP + SAMPLES_PER_PACKET))
                    .putShort((short) p).putShort((short) 0).put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            b.putShort(ip + 10, ipv4Checksum(b, ip));
            b.putShort((short) 40000).putShort((short) destinationPort)
                    .putShort((short) (UDP + RTP + SAMPLES_PER_PACKET)).putShort((short) 0); // no UDP checksum
            b.put((byte) 0x80).put((byte) 0).putShort((short) (1000 + p)).putInt(p * SAMPLES_PER_PACKET)
                    .putInt(ssrc);
            for (int i = 0; i < SAMPLES_PER_PACKET; i++) {
                b.put(MuLawEncoder.encode(pcm8k[p * SAMPLES_PER_PACKET + i]));
            }
        }
        Files.write(path, b.array());
    }

    private static short ipv4Checksum(ByteBuffer b, int start) {
        int sum = 0;
        for (int i = 0; i < IPV4; i += 2) {
            sum += b.getShort(start + i) & 0xffff;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    /** G.711 mu-law compression (ITU-T G.711): bias, find the segment, keep four mantissa bits, invert. */
    static final class MuLawEncoder {
        private static final int BIAS = 0x84;
        private static final int CLIP = 32635;

        private MuLawEncoder() {
        }

        static byte encode(short sample) {
            int s = sample;
            int sign = s < 0 ? 0x80 : 0;
            int magnitude = Math.min(Math.abs(s), CLIP) + BIAS;
            int exponent = 7;
            while (exponent > 0 && (magnitude & (0x4000 >> (7 - exponent))) == 0) {
                exponent--;
            }
            int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
            return (byte) ~(sign | (exponent << 4) | mantissa);
        }
    }
}
