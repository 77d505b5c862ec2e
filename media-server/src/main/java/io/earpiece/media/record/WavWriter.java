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
 *
 * <p>A write that fails (the disk is full) ends the recording, not the call: the header is patched to the audio
 * stored until then, {@link #write} throws {@link RecordingFailedException} once and drops every later frame, so
 * the caller reports the failure once instead of on every 20 ms frame.
 */
public final class WavWriter implements Closeable {

    private static final int HEADER_BYTES = 44;

    private final FileChannel file;
    private final ByteBuffer buffer;
    private final long headerIntervalBytes;
    private long dataBytes;
    private long dataBytesInHeader;
    private boolean closed;
    private IOException failure;

    public WavWriter(Path path, int sampleRate, int headerIntervalSamples) throws IOException {
        this(open(path), sampleRate, headerIntervalSamples);
    }

    /** Writes into {@code file} (from position 0), which the writer owns and closes. */
    WavWriter(FileChannel file, int sampleRate, int headerIntervalSamples) throws IOException {
        this.file = file;
        this.headerIntervalBytes = 2L * headerIntervalSamples;
        this.buffer = ByteBuffer.allocate((int) Math.min(1 << 16, Math.max(4096, headerIntervalBytes)))
                .order(ByteOrder.LITTLE_ENDIAN);
        try {
            writeFully(header(sampleRate, 0), 0);
        } catch (UncheckedIOException e) {
            file.close();
            throw e.getCause();
        }
    }

    private static FileChannel open(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Appends samples; after a failed write they are dropped.
     *
     * @throws RecordingFailedException on the write that failed, once
     */
    public void write(short[] samples, int offset, int length) {
        ensureOpen();
        if (failure != null) {
            return;
        }
        try {
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
        } catch (UncheckedIOException e) {
            failure = e.getCause();
            buffer.clear();
            try {
                // Rewriting the header takes no new space, so it usually succeeds on a full disk too.
                patchSizes();
            } catch (UncheckedIOException ignored) {
                // the header then claims less audio than the file holds, which is still a valid WAV
            }
            throw new RecordingFailedException(dataBytes / 2, failure);
        }
    }

    /** The write failure that ended the recording, or null. */
    public IOException failure() {
        return failure;
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
            if (failure == null) {
                drainBuffer();
                patchSizes();
            }
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
