package io.earpiece.media.record;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams mono PCM16 little-endian audio into a WAV file. The RIFF and data sizes in the header are rewritten
 * whenever about {@code headerIntervalSamples} new samples reached the disk, and on close, so a file left behind
 * by a crashed process is still a valid WAV missing at most that much audio.
 */
public final class WavWriter implements Closeable {

    private static final int HEADER_BYTES = 44;

    private final FileChannel file;
    private final ByteBuffer buffer;
    private final long headerIntervalBytes;
    private long dataBytes;
    private long dataBytesInHeader;
    private boolean closed;

    public WavWriter(Path path, int sampleRate, int headerIntervalSamples) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.headerIntervalBytes = 2L * headerIntervalSamples;
        this.buffer = ByteBuffer.allocate((int) Math.min(1 << 16, Math.max(4096, headerIntervalBytes)))
                .order(ByteOrder.LITTLE_ENDIAN);
        writeFully(header(sampleRate, 0), 0);
    }

    public void write(short[] samples, int offset, int length) {
        ensureOpen();
        for (int i = 0; i < length; i++) {
            if (buffer.remaining() < 2) {
                drainBuffer();
            }
            buffer.putShort(samples[offset + i]);
        }
        if (dataBytes + buffer.position() - dataBytesInHeader >= headerIntervalBytes) {
            drainBuffer();
            patchSizes();
        }
    }

    /** Bytes of sample data written so far, buffered ones included. */
    public long dataBytes() {
        return dataBytes + buffer.position();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drainBuffer();
            patchSizes();
        } finally {
            file.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("WAV writer closed");
        }
    }

    private void drainBuffer() {
        buffer.flip();
        int n = buffer.remaining();
        writeFully(buffer, HEADER_BYTES + dataBytes);
        dataBytes += n;
        buffer.clear();
    }

    private void patchSizes() {
        ByteBuffer riff = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        riff.putInt(0, (int) (36 + dataBytes));
        writeFully(riff, 4);
        ByteBuffer data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0, (int) dataBytes);
        writeFully(data, 40);
        dataBytesInHeader = dataBytes;
    }

    private void writeFully(ByteBuffer src, long position) {
        try {
            while (src.hasRemaining()) {
                position += file.write(src, position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer header(int sampleRate, int dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        return h.flip();
    }
}
