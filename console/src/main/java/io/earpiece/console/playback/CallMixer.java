package io.earpiece.console.playback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Mixes a call's party recordings into one mono PCM16 WAV, each party delayed by when its leg started, so the
 * call plays as it was heard. It works block by block: an hour-long call is never whole in memory.
 */
public final class CallMixer {

    /** One party's recording and how long after the first leg it started. */
    public record Track(String party, Path file, long offsetMs) {
    }

    private static final int BLOCK = 8192;

    private CallMixer() {
    }

    /**
     * Writes the mix to {@code out}; the tracks must share one sample rate (Earpiece records every leg at the
     * same rate, so a difference means a foreign file). Samples that overflow are clipped.
     */
    public static void mix(List<Track> tracks, Path out) throws IOException, RecordingFormatException {
        if (tracks.isEmpty()) {
            throw new RecordingFormatException("no recordings to mix");
        }
        List<Source> sources = new ArrayList<>();
        try {
            int rate = -1;
            long total = 0;
            for (Track t : tracks) {
                PcmWav wav;
                try {
                    wav = PcmWav.read(t.file());
                } catch (RecordingFormatException e) {
                    throw new RecordingFormatException("recording of " + t.party() + ": " + e.getMessage());
                }
                if (rate != -1 && wav.sampleRate() != rate) {
                    throw new RecordingFormatException("recording of " + t.party() + " is at " + wav.sampleRate()
                            + " Hz, the others at " + rate + " Hz");
                }
                rate = wav.sampleRate();
                long start = Math.max(0, t.offsetMs()) * rate / 1000;
                sources.add(new Source(FileChannel.open(t.file(), StandardOpenOption.READ), wav, start));
                total = Math.max(total, start + wav.samples());
            }
            if (total * 2 > 0xFFFF_FFFFL - 36) {
                throw new RecordingFormatException("the mix would exceed a WAV file's 4 GiB");
            }
            write(sources, rate, total, out);
        } finally {
            for (Source s : sources) {
                s.channel().close();
            }
        }
    }

    private record Source(FileChannel channel, PcmWav wav, long start) {
    }

    private static void write(List<Source> sources, int rate, long total, Path out) throws IOException {
        try (FileChannel w = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(w, header(rate, total));
            int[] acc = new int[BLOCK];
            ByteBuffer in = ByteBuffer.allocate(BLOCK * 2).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer block = ByteBuffer.allocate(BLOCK * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (long at = 0; at < total; at += BLOCK) {
                int n = (int) Math.min(BLOCK, total - at);
                java.util.Arrays.fill(acc, 0, n, 0);
                for (Source s : sources) {
                    add(s, at, n, acc, in);
                }
                block.clear();
                for (int i = 0; i < n; i++) {
                    block.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, acc[i])));
                }
                writeFully(w, block.flip());
            }
        }
    }

    /** Adds the source's samples that fall into output samples [at, at + n). */
    private static void add(Source s, long at, int n, int[] acc, ByteBuffer in) throws IOException {
        long from = Math.max(at, s.start());
        long to = Math.min(at + n, s.start() + s.wav().samples());
        if (from >= to) {
            return;
        }
        in.clear().limit((int) (to - from) * 2);
        long position = s.wav().dataOffset() + (from - s.start()) * 2;
        while (in.hasRemaining()) {
            if (s.channel().read(in, position + in.position()) < 0) {
                break;
            }
        }
        in.flip();
        for (int i = (int) (from - at); in.remaining() >= 2; i++) {
            acc[i] += in.getShort();
        }
    }

    private static ByteBuffer header(int rate, long samples) {
        long dataBytes = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return b.flip();
    }

    private static void writeFully(FileChannel w, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            w.write(b);
        }
    }
}
