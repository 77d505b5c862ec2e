package io.earpiece.console.telephony;

import io.earpiece.media.g711.G711Codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a classic libpcap file of one RTP stream for sipp's {@code play_pcap_audio}: G.711 packets every 20 ms
 * (PCMU silence, or given audio) with RFC 4733 telephone-event packets in place of the audio while a digit is
 * pressed, as a phone sends them (marker on the first, growing duration, the end packet three times), all in one
 * sequence and timestamp space; a stream may continue another's (a codec change mid-call).
 */
final class DtmfPcap {

    static final int SAMPLES_PER_PACKET = 160;
    private static final int PCMU = 0;
    private static final int FIRST_SEQUENCE = 1000;
    private static final int SSRC = 0x4D544446;

    /** A digit pressed at {@code atPacket} for {@code packets} 20 ms packets (not counting the 2 repeated ends). */
    record Press(char digit, int atPacket, int packets) {
        int event() {
            return "0123456789*#ABCD".indexOf(digit);
        }
    }

    private DtmfPcap() {
    }

    /**
     * The audio of a stream: {@code samples} at 8 kHz (160 a packet) in G.711 {@code payloadType} (0 or 8), from
     * packet {@code firstPacket} of the stream's sequence and timestamp space on.
     */
    record Audio(short[] samples, int payloadType, int firstPacket) {
        int packets() {
            return samples.length / SAMPLES_PER_PACKET;
        }
    }

    /** Writes {@code totalPackets} slots of 20 ms of PCMU silence; returns how many packets were written. */
    static int write(Path file, int totalPackets, int eventPt, List<Press> presses) throws IOException {
        return write(file, new Audio(new short[totalPackets * SAMPLES_PER_PACKET], PCMU, 0), eventPt, presses);
    }

    /** Writes {@code audio}'s slots of 20 ms; returns how many packets were written. */
    static int write(Path file, Audio audio, int eventPt, List<Press> presses) throws IOException {
        G711Codec codec = audio.payloadType() == PCMU ? G711Codec.PCMU : G711Codec.PCMA;
        int totalPackets = audio.packets();
        List<byte[]> rtp = new ArrayList<>();
        int seq = FIRST_SEQUENCE + audio.firstPacket();
        long ts = (long) audio.firstPacket() * SAMPLES_PER_PACKET;
        int slot = 0;
        int next = 0;
        while (slot < totalPackets) {
            Press p = next < presses.size() && presses.get(next).atPacket() == slot ? presses.get(next++) : null;
            if (p == null) {
                byte[] payload = codec.encode(audio.samples(), slot * SAMPLES_PER_PACKET, SAMPLES_PER_PACKET);
                rtp.add(packet(false, audio.payloadType(), seq++, ts, payload));
                ts += SAMPLES_PER_PACKET;
                slot++;
                continue;
            }
            long start = ts;
            for (int i = 1; i <= p.packets() + 2; i++) {
                boolean end = i >= p.packets();
                int duration = Math.min(i, p.packets()) * SAMPLES_PER_PACKET;
                rtp.add(packet(i == 1, eventPt, seq++, start, eventPayload(p.event(), end, duration)));
                slot++;
            }
            ts = start + (long) (p.packets() + 2) * SAMPLES_PER_PACKET;
        }
        ByteBuffer out = ByteBuffer.allocate(24 + rtp.size() * (16 + 14 + 20 + 8 + 200))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        long micros = 0;
        for (byte[] r : rtp) {
            int udpLen = 8 + r.length;
            int ipLen = 20 + udpLen;
            int frameLen = 14 + ipLen;
            out.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frameLen)
                    .putInt(frameLen);
            ByteBuffer frame = ByteBuffer.allocate(frameLen).order(ByteOrder.BIG_ENDIAN);
            frame.put(new byte[12]).putShort((short) 0x0800);
            frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLen).putShort((short) 0).putShort((short) 0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[]{127, 0, 0, 1}).put(new byte[]{127, 0, 0, 1});
            frame.putShort((short) 40000).putShort((short) 6000).putShort((short) udpLen).putShort((short) 0);
            frame.put(r);
            out.put(frame.array());
            micros += 20_000;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Arrays.copyOf(out.array(), out.position()));
        return rtp.size();
    }

    /** An RFC 4733 event block: the event, the end bit with volume 10, the duration in timestamp units. */
    static byte[] eventPayload(int event, boolean end, int duration) {
        return new byte[]{(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >>> 8), (byte) duration};
    }

    private static byte[] packet(boolean marker, int pt, int seq, long ts, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | pt)).putShort((short) seq).putInt((int) ts)
                .putInt(SSRC).put(payload);
        return b.array();
    }
}
