package io.earpiece.console.assist;

import io.earpiece.console.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server's intent models survive a restart: the first start trains them in the background and stores them
 * under {@code <data-dir>/cache/intent-models}; a restart with nothing changed reads that file back (it is not
 * written again); a damaged file is ignored, the models are trained again, the file is replaced and the engine
 * is ready (health UP, never DOWN). Each start's time from {@code SpringApplication.run} to the engine being
 * ready is printed (clock inside this JVM; the first start is also the JVM's first).
 */
class IntentModelCacheIT {

    private static final Path DATA = Path.of("target", "it-data", "intent-model-cache").toAbsolutePath();
    private static final Path CACHE = DATA.resolve("cache").resolve("intent-models");

    @Test
    void aRestartReadsTheTrainedModelsAndADamagedFileIsTrainedAgain() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);

        long trainedMs = startUntilReady();
        Path file = onlyModelFile();
        Object trainedFile = identity(file);

        long cachedMs = startUntilReady();
        assertThat(onlyModelFile()).isEqualTo(file);
        assertThat(identity(file)).as("read back, not trained and written again").isEqualTo(trainedFile);

        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        long damagedMs = startUntilReady();
        assertThat(identity(onlyModelFile())).as("trained again and replaced").isNotEqualTo(trainedFile);
        assertThat(Files.size(file)).as("whole again").isEqualTo(bytes.length);

        System.out.printf(Locale.ROOT, "intent-model-cache: run -> assist ready: trained %d ms (first start of "
                + "the JVM), from the cache %d ms, damaged file so trained again %d ms%n", trainedMs, cachedMs,
                damagedMs);
    }

    /** Starts the server with the background warm-up, waits until the assist engine is ready, stops it. */
    private static long startUntilReady() {
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext app = LoopbackServer.start(DATA, 43800, c -> { },
                "earpiece.assist.background-warm-up=true")) {
            AssistWarmUp warmUp = app.getBean(AssistWarmUp.class);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> warmUp.ready() || warmUp.health().getStatus().getCode().equals("DOWN"));
            assertThat(warmUp.health().getStatus().getCode()).as(warmUp.health().toString()).isEqualTo("UP");
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }

    private static Path onlyModelFile() throws Exception {
        try (Stream<Path> files = Files.list(CACHE)) {
            List<Path> all = files.toList();
            assertThat(all).as("one playbook, one models file, no temporary file left").hasSize(1);
            assertThat(all.get(0).getFileName().toString()).startsWith("intent-models-").endsWith(".bin");
            return all.get(0);
        }
    }

    /** The file's inode: a file written again is moved into place, so it has another. */
    private static Object identity(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
