package io.earpiece.console.playback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the samples of a mono PCM16 WAV file are: its rate and the byte range of its data chunk. The data length
 * is the header's, cut to the file's end: a recording still being written (or left by a crash) has a header
 * that lags behind the samples on disk, and a header that claims more than the file holds is not trusted.
 */
public record PcmWav(int sampleRate, long dataOffset, long dataBytes) {

    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;

    public long samples() {
        return dataBytes / 2;
    }

    public static PcmWav read(Path file) throws IOException, RecordingFormatException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < RIFF_HEADER) {
                throw new RecordingFormatException("shorter than a RIFF header (" + size + " bytes)");
            }
            ByteBuffer riff = readAt(ch, 0, RIFF_HEADER);
            if (!tag(riff, 0).equals("RIFF") || !tag(riff, 8).equals("WAVE")) {
                throw new RecordingFormatException("not a RIFF/WAVE file");
            }
            Integer rate = null;
            long pos = RIFF_HEADER;
            while (pos + CHUNK_HEADER <= size) {
                ByteBuffer head = readAt(ch, pos, CHUNK_HEADER);
                String id = tag(head, 0);
                long length = Integer.toUnsignedLong(head.getInt(4));
                long body = pos + CHUNK_HEADER;
                if (id.equals("fmt ")) {
                    if (length < 16 || body + 16 > size) {
                        throw new RecordingFormatException("fmt chunk of " + length + " bytes, 16 needed");
                    }
                    ByteBuffer fmt = readAt(ch, body, 16);
                    int format = Short.toUnsignedInt(fmt.getShort(0));
                    int channels = Short.toUnsignedInt(fmt.getShort(2));
                    int bits = Short.toUnsignedInt(fmt.getShort(14));
                    if (format != 1 || channels != 1 || bits != 16) {
                        throw new RecordingFormatException("format " + format + ", " + channels + " channels, " + bits
                                + " bits; mono 16-bit PCM expected");
                    }
                    rate = fmt.getInt(4);
                    if (rate <= 0 || rate > 384_000) {
                        throw new RecordingFormatException("sample rate " + Integer.toUnsignedString(rate));
                    }
                } else if (id.equals("data")) {
                    if (rate == null) {
                        throw new RecordingFormatException("data chunk before the fmt chunk");
                    }
                    long onDisk = size - body;
                    long bytes = length == 0 || length > onDisk ? onDisk : length;
                    return new PcmWav(rate, body, bytes & ~1L);
                }
                pos = body + length + (length & 1);
            }
            throw new RecordingFormatException(rate == null ? "no fmt chunk" : "no data chunk");
        }
    }

    private static ByteBuffer readAt(FileChannel ch, long position, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static String tag(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        b.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }
}
