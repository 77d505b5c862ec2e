package io.earpiece.console.upload;

import io.earpiece.console.config.EarpieceProperties;
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
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes uploaded bytes to {@code <data-dir>/uploads} as they arrive (never holding a file in memory), counting
 * them against the limit and hashing them on the way.
 */
@Component
public class UploadStorage {

    private final Path dir;
    private final Path partialDir;

    public UploadStorage(EarpieceProperties earpiece) {
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
     * partial file) as soon as more than {@code maxBytes} arrived.
     */
    public Mono<StoredFile> store(Flux<DataBuffer> content, Path target, long maxBytes) {
        return Mono.defer(() -> {
            MessageDigest digest = sha256();
            AtomicLong size = new AtomicLong();
            Flux<DataBuffer> counted = content.handle((buffer, sink) -> {
                if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new UploadTooLargeException(maxBytes));
                    return;
                }
                try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
                    while (it.hasNext()) {
                        digest.update(it.next());
                    }
                }
                sink.next(buffer);
            });
            return DataBufferUtils.write(counted, target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)
                    .then(Mono.fromCallable(() -> new StoredFile(target, size.get(),
                            HexFormat.of().formatHex(digest.digest()))))
                    .onErrorResume(e -> deleteQuietly(target).then(Mono.error(e)))
                    .doOnCancel(() -> deleteQuietly(target).subscribe());
        });
    }

    /**
     * Writes {@code content} into {@code target} from {@code offset}, at most {@code maxBytes}; returns the bytes
     * written. A body longer than allowed errors with {@link UploadTooLargeException}; what arrived before an
     * error stays (the client resumes from the offset it reads back).
     */
    public Mono<Long> append(Flux<DataBuffer> content, Path target, long offset, long maxBytes) {
        return Mono.defer(() -> {
            AtomicLong size = new AtomicLong();
            Flux<DataBuffer> counted = content.handle((buffer, sink) -> {
                if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new UploadTooLargeException(maxBytes));
                    return;
                }
                sink.next(buffer);
            });
            return Mono.using(() -> AsynchronousFileChannel.open(target, StandardOpenOption.CREATE,
                                    StandardOpenOption.WRITE),
                            channel -> DataBufferUtils.write(counted, channel, offset).then(),
                            channel -> {
                                try {
                                    channel.close();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .then(Mono.fromCallable(size::get));
        });
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
