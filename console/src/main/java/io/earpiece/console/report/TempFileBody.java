package io.earpiece.console.report;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a report into a temporary file off the event loop, then streams that file as the response body in
 * small buffers and deletes it: a report is never whole in memory, however long.
 */
final class TempFileBody {

    /** Writes the report; returns false when there is nothing to report (the caller answers 404). */
    @FunctionalInterface
    interface Render {
        boolean to(OutputStream out) throws IOException;
    }

    private TempFileBody() {
    }

    /** The file's bytes, or an empty Mono when the renderer reported nothing. */
    static Mono<Flux<DataBuffer>> of(String suffix, Render render) {
        return Mono.fromCallable(() -> {
            Path file = Files.createTempFile("earpiece-report-", suffix);
            try {
                boolean written;
                try (OutputStream out = Files.newOutputStream(file)) {
                    written = render.to(out);
                }
                if (!written) {
                    Files.deleteIfExists(file);
                    return null;
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 16 * 1024)
                    .doFinally(signal -> delete(file));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
