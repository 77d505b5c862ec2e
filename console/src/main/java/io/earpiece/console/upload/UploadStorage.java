package io.earpiece.console.upload;

import io.earpiece.console.config.EarpieceProperties;
import io.earpiece.console.storage.DiskSpace;
import io.earpiece.console.storage.StorageFullException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes uploaded bytes to {@code <data-dir>/uploads} as they arrive (never holding a file in memory), counting
 * them against the limit and hashing them on the way. A volume below {@code earpiece.storage.min-free} takes no
 * upload, and a write that finds the disk full fails with {@link StorageFullException} (507 to the client), so
 * uploads never take the space live calls record to.
 */
@Component
public class UploadStorage {

    /** Buffers that may wait for the writer thread; the rest wait in the connection (back-pressure). */
    private static final int WRITE_AHEAD = 16;

    private final Path dir;
    private final Path partialDir;
    private final DiskSpace disk;

    public UploadStorage(EarpieceProperties earpiece, DiskSpace disk) {
        this.disk = disk;
        this.dir = earpiece.dataDir().resolve("uploads").toAbsolutePath();
        this.partialDir = dir.resolve("partial");
        try {
            Files.createDirectories(partialDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + partialDir, e);
        }
    }

    /** Where the upload of job {@code jobId} lives. */
    public Path jobFile(String jobId) {
        return dir.resolve(jobId + ".upload");
    }

    /** Where the bytes of resumable session {@code sessionId} collect. */
    public Path partialFile(String sessionId) {
        return partialDir.resolve(sessionId + ".part");
    }

    /**
     * Streams {@code content} into {@code target}; errors with {@link UploadTooLargeException} (and deletes the
     * partial file) as soon as more than {@code maxBytes} arrived. The file is checked to hold every byte received
     * before it counts as stored.
     */
    public Mono<StoredFile> store(Flux<DataBuffer> content, Path target, long maxBytes) {
        return room().then(Mono.defer(() -> {
            MessageDigest digest = sha256();
            return Mono.usingWhen(
                            open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                    StandardOpenOption.TRUNCATE_EXISTING),
                            channel -> writeAll(content, channel, 0, maxBytes, digest).flatMap(size ->
                                    Mono.fromCallable(() -> {
                                        checkLength(channel, target, size);
                                        return new StoredFile(target, size, HexFormat.of().formatHex(digest.digest()));
                                    })),
                            UploadStorage::close, (channel, error) -> close(channel), UploadStorage::close)
                    .onErrorMap(IOException.class, this::explain)
                    .onErrorResume(e -> deleteQuietly(target).then(Mono.error(e)))
                    .doOnCancel(() -> deleteQuietly(target).subscribe());
        }));
    }

    /** Fails with {@link StorageFullException} while the uploads volume is below the minimum free space. */
    private Mono<Void> room() {
        return Mono.fromCallable(() -> {
            disk.requireRoom(dir, "uploads");
            return true;
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private IOException explain(IOException e) {
        return disk.explain(e, dir, "uploads");
    }

    /**
     * Writes {@code content} into {@code target} from {@code offset}, at most {@code maxBytes}; returns the bytes
     * written. A body longer than allowed errors with {@link UploadTooLargeException}; what arrived before an
     * error stays (the client resumes from the offset it reads back).
     */
    public Mono<Long> append(Flux<DataBuffer> content, Path target, long offset, long maxBytes) {
        return room().then(Mono.usingWhen(open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                channel -> writeAll(content, channel, offset, maxBytes, null),
                UploadStorage::close, (channel, error) -> close(channel), UploadStorage::close))
                .onErrorMap(IOException.class, this::explain);
    }

    /**
     * Writes the buffers one after another, in order, with blocking writes on a worker thread; each buffer is
     * released once written. Plain positional writes keep the order and the count obvious, which an upload that
     * must not lose a byte needs more than asynchronous file I/O.
     */
    private static Mono<Long> writeAll(Flux<DataBuffer> content, FileChannel channel, long offset, long maxBytes,
                                       MessageDigest digest) {
        AtomicLong size = new AtomicLong();
        return content.publishOn(Schedulers.boundedElastic(), WRITE_AHEAD)
                .<Long>handle((buffer, sink) -> {
                    try {
                        int length = buffer.readableByteCount();
                        if (size.get() + length > maxBytes) {
                            sink.error(new UploadTooLargeException(maxBytes));
                            return;
                        }
                        try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
                            while (it.hasNext()) {
                                ByteBuffer bytes = it.next();
                                if (digest != null) {
                                    digest.update(bytes.duplicate());
                                }
                                long position = offset + size.get();
                                while (bytes.hasRemaining()) {
                                    position += channel.write(bytes, position);
                                }
                                size.set(position - offset);
                            }
                        }
                        sink.next(size.get());
                    } catch (IOException e) {
                        sink.error(e);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                .then(Mono.fromSupplier(size::get));
    }

    private static void checkLength(FileChannel channel, Path target, long received) throws IOException {
        long stored = channel.size();
        if (stored != received) {
            throw new IOException("stored " + stored + " of " + received + " received bytes in " + target);
        }
    }

    private static Mono<FileChannel> open(Path target, OpenOption... options) {
        return Mono.fromCallable(() -> FileChannel.open(target, options)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<Void> close(FileChannel channel) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Cuts {@code file} back to {@code length} bytes (after a rejected chunk). */
    public void truncate(Path file, long length) throws IOException {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    /** SHA-256 (hex) of a file on disk, read in blocks. */
    public String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] block = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(block)) > 0) {
                digest.update(ByteBuffer.wrap(block, 0, n));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    public Mono<Void> deleteQuietly(Path file) {
        return Mono.fromRunnable(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover partial file is harmless; the next upload with this id overwrites it
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
