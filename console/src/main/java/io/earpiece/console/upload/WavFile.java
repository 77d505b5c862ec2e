package io.earpiece.console.upload;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes one channel of 16 kHz PCM16 as a WAV file (the form the console serves recordings in). */
final class WavFile {

    private WavFile() {
    }

    /** The 44-byte RIFF header of a mono PCM16 file holding {@code samples} samples at {@code rate}. */
    static byte[] header(int samples, int rate) {
        int dataBytes = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        return b.array();
    }

    /** Writes {@code pcm} to {@code file} via a temporary file, so a reader never sees half a recording. */
    static void write(Path file, short[] pcm, int rate) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writeTo(tmp, pcm, rate);
        } catch (IOException | RuntimeException e) {
            // A full disk fails the write part-way: the half file would hold the space the admin is asked to free.
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeTo(Path tmp, short[] pcm, int rate) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            out.write(header(pcm.length, rate));
            byte[] block = new byte[8192];
            int n = 0;
            for (short s : pcm) {
                block[n++] = (byte) s;
                block[n++] = (byte) (s >> 8);
                if (n == block.length) {
                    out.write(block);
                    n = 0;
                }
            }
            out.write(block, 0, n);
        }
    }
}
