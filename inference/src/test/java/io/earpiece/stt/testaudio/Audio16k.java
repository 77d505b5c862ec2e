package io.earpiece.stt.testaudio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the corpus fixtures as 16 kHz PCM16: mono WAV files and RTP/PCMU pcaps (decoded and upsampled). */
public final class Audio16k {

    private Audio16k() {
    }

    /** The samples of a 16 kHz mono 16-bit WAV file. */
    public static short[] readWav(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(wav + ": not a RIFF/WAVE file");
        }
        int pos = 12;
        short channels = 0;
        int rate = 0;
        short bits = 0;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
            } else if (id == 0x61746164) { // "data"
                if (channels != 1 || rate != 16_000 || bits != 16) {
                    throw new IOException(wav + ": expected 16 kHz mono PCM16, got " + rate + " Hz, " + channels
                            + " channels, " + bits + " bits");
                }
                int length = Math.min(size, b.limit() - body) / 2;
                short[] pcm = new short[length];
                b.position(body);
                b.asShortBuffer().get(pcm);
                return pcm;
            }
            pos = body + size + (size & 1);
        }
        throw new IOException(wav + ": no data chunk");
    }

    /** One RTP packet's audio: media time from the RTP timestamp and the decoded 16 kHz samples. */
    public record Chunk(long mediaTimeMs, short[] samples) {
    }

    /**
     * The PCMU payloads of an Ethernet/IPv4/UDP/RTP pcap, mu-law decoded and upsampled from 8 to 16 kHz by linear
     * interpolation; media time is the RTP timestamp relative to the first packet.
     */
    public static List<Chunk> readPcmuPcap(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 24 || b.getInt(0) != 0xA1B2C3D4) {
            throw new IOException(pcap + ": not a little-endian microsecond pcap");
        }
        List<Chunk> chunks = new ArrayList<>();
        int pos = 24;
        long firstTimestamp = -1;
        short last = 0;
        while (pos + 16 <= b.limit()) {
            int captured = b.getInt(pos + 8);
            int frame = pos + 16;
            if (frame + captured > b.limit()) {
                throw new IOException(pcap + ": truncated record at " + pos);
            }
            int ip = frame + 14;
            int ipHeader = (b.get(ip) & 0x0f) * 4;
            int rtp = ip + ipHeader + 8;
            int csrc = b.get(rtp) & 0x0f;
            int payloadType = b.get(rtp + 1) & 0x7f;
            long timestamp = Integer.toUnsignedLong(b.order(ByteOrder.BIG_ENDIAN).getInt(rtp + 4));
            b.order(ByteOrder.LITTLE_ENDIAN);
            int payload = rtp + 12 + 4 * csrc;
            int payloadLength = frame + captured - payload;
            if (payloadType == 0 && payloadLength > 0) {
                if (firstTimestamp < 0) {
                    firstTimestamp = timestamp;
                }
                short[] out = new short[payloadLength * 2];
                for (int i = 0; i < payloadLength; i++) {
                    short s = MuLaw.decode(b.get(payload + i));
                    out[2 * i] = (short) ((last + s) / 2);
                    out[2 * i + 1] = s;
                    last = s;
                }
                chunks.add(new Chunk((timestamp - firstTimestamp) / 8, out));
            }
            pos = frame + captured;
        }
        return chunks;
    }
}
