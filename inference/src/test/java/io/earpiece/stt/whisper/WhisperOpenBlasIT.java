package io.earpiece.stt.whisper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds whisper.cpp with OpenBLAS through {@code native/whisper-openblas} (skipped, with the reason, when cmake, a
 * compiler, OpenBLAS or npm is missing) and decodes with it as an {@code external:} backend, in a JVM of its own.
 */
class WhisperOpenBlasIT {

    private static final Path BUILD = Path.of("target", "whisper-openblas").toAbsolutePath();
    private static final Pattern TEXT_CHARS = Pattern.compile("text_chars=(\\d+)");

    @BeforeAll
    static void build() throws Exception {
        if (Files.isRegularFile(BUILD.resolve("BUILD-INFO"))) {
            return;
        }
        Run run = run(List.of("bash", Path.of("native", "whisper-openblas").toAbsolutePath().toString(),
                BUILD.toString()), 600);
        Assumptions.assumeFalse(run.exit() == 3, () -> "no OpenBLAS build possible here: " + run.output().strip());
        assertThat(run.exit()).as("native/whisper-openblas failed:%n%s", run.output()).isZero();
    }

    @Test
    void theOpenBlasBuildLoadsAndDecodesWithTheBlasBackend() throws Exception {
        assertThat(BUILD.resolve("libggml-blas.so")).isRegularFile();
        assertThat(Files.readString(BUILD.resolve("BUILD-INFO"))).contains("blas=OpenBLAS");
        Path model = RandomGgmlModel.baseEn().withWeights(RandomGgmlModel.Weights.Q8_0)
                .writeCached(Path.of("target", "whisper-models"));

        Run probe = probe("external:" + BUILD, model);

        assertThat(probe.exit()).as(probe.output()).isZero();
        assertThat(probe.output())
                .contains("whisper backend: external (" + BUILD + ")")
                .contains("using BLAS backend")
                .contains("backend=whisper.cpp external ggml-base.en-q8_0.bin");
        assertThat(textChars(probe)).as(probe.output()).isPositive();
    }

    @Test
    void theBundledBuildUsesNoBlas() throws Exception {
        Path model = RandomGgmlModel.baseEn().withWeights(RandomGgmlModel.Weights.Q8_0)
                .writeCached(Path.of("target", "whisper-models"));

        Run probe = probe("cpu", model);

        assertThat(probe.exit()).as(probe.output()).isZero();
        assertThat(probe.output()).contains("whisper backend: cpu").doesNotContain("using BLAS backend");
        assertThat(textChars(probe)).as(probe.output()).isPositive();
    }

    private static Run probe(String backend, Path model) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return run(List.of(java, "-cp", System.getProperty("java.class.path"),
                WhisperBackendProbe.class.getName(), backend, model.toString()), 120);
    }

    private static int textChars(Run run) {
        Matcher m = TEXT_CHARS.matcher(run.output());
        assertThat(m.find()).as("no text_chars in:%n%s", run.output()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("whisper-openblas", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " ran past " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
