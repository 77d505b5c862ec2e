package io.earpiece.console.upload;

import io.earpiece.console.EarpieceApplication;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.stt.whisper.RandomGgmlModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark run by bench/upload (skipped unless -Dearpiece.bench=true): the server as configured by default, with
 * random-weight whisper models in the tiny.en and base.en layouts (run from their q8_0 copies, as by default, and
 * base.en once more as the f16 file), takes a long recording over
 * {@code POST /api/uploads}, and the time until its summary is readable is measured (upload, decode, diarization,
 * transcription, assist, storage and summary). One untimed warm-up upload of a dev call first, per model; the
 * line goes to target/bench/upload.txt. {@code -Dearpiece.bench.whisper-backend=external:DIR} runs them on another
 * whisper.cpp build (one per JVM), and {@code -Dearpiece.bench.label=NAME} then prefixes the figures and names the
 * file target/bench/upload-NAME.txt.
 */
@EnabledIfSystemProperty(named = "earpiece.bench", matches = "true")
class UploadStoredBenchIT {

    private static final Path DATA = Path.of("target", "it-data", "upload-bench");
    private static final Duration LIMIT = Duration.ofMinutes(4);

    @Test
    void uploadToStoredSummary() throws Exception {
        Path recording = Path.of(System.getProperty("earpiece.bench.upload-file", "")).toAbsolutePath();
        assertThat(recording).as("-Dearpiece.bench.upload-file").isRegularFile();
        Path warmUp = SynthCall.generate("budget-freeze").dir().resolve("budget-freeze.mp3");
        List<String> figures = new ArrayList<>();
        long audioMs = 0;
        // the server's defaults run each model from its q8_0 copy; base_f16 is base.en with earpiece.whisper.quantize=none
        record Run(String name, RandomGgmlModel model, String quantize) {
        }
        List<String> only = List.of(System.getProperty("earpiece.bench.runs", "tiny,base,base_f16").split(","));
        String backend = System.getProperty("earpiece.bench.whisper-backend", "cpu");
        String label = System.getProperty("earpiece.bench.label", "");
        String prefix = label.isEmpty() ? "" : label + "_";
        for (Run run : List.of(new Run("tiny", RandomGgmlModel.tinyEn(), null),
                new Run("base", RandomGgmlModel.baseEn(), null), new Run("base_f16", RandomGgmlModel.baseEn(), "none"))) {
            String name = run.name();
            if (!only.contains(name)) {
                continue;
            }
            Path file = run.model().writeCached(Path.of("target", "whisper-models"));
            try (ConfigurableApplicationContext app = start(name, file, run.quantize(), backend)) {
                UploadClient client = new UploadClient(port(app));
                UploadView warm = client.awaitFinal(client.accepted(warmUp, "warm-up.mp3").id(), LIMIT);
                assertThat(warm.state()).as(warm.reason()).isEqualTo("DONE");
                client.awaitSummary(warm.callId());

                long started = System.nanoTime();
                UploadView done = client.awaitFinal(client.accepted(recording, recording.getFileName().toString()).id(),
                        LIMIT);
                assertThat(done.state()).as(done.reason()).isEqualTo("DONE");
                client.awaitSummary(done.callId());
                double seconds = (System.nanoTime() - started) / 1e9;
                audioMs = done.durationMs();
                int lines = client.call(done.callId()).segments().size();
                System.out.printf(Locale.ROOT, "%s: %.0f s recording -> stored summary in %.1f s (%d lines)%n",
                        name, audioMs / 1000.0, seconds, lines);
                figures.add(String.format(Locale.ROOT, "%s%s_upload_to_summary_s=%.1f", prefix, name, seconds));
            }
        }
        String line = String.format(Locale.ROOT, "audio_s=%.0f %s cores=%d", audioMs / 1000.0,
                String.join(" ", figures), Runtime.getRuntime().availableProcessors());
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", label.isEmpty() ? "upload.txt" : "upload-" + label + ".txt"),
                line + "\n");
        System.out.println(line);
    }

    private static ConfigurableApplicationContext start(String name, Path model, String quantize, String backend) {
        Path data = DATA.resolve(name);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--earpiece.sip.host=127.0.0.1", "--earpiece.sip.port=0",
                "--earpiece.sip.public-host=127.0.0.1", "--earpiece.rtp.host=127.0.0.1",
                "--earpiece.rtp.port-min=47850", "--earpiece.rtp.port-max=47899",
                "--" + TestAuth.ADMIN_PASSWORD_PROPERTY,
                "--earpiece.data-dir=" + data, "--earpiece.reports.nightly=false",
                "--spring.datasource.url=jdbc:h2:mem:uploadbench-" + name + ";DB_CLOSE_DELAY=-1",
                "--earpiece.whisper.model=" + model.toAbsolutePath(), "--earpiece.whisper.backend=" + backend,
                // random weights never look reliable, so fallback would re-decode every chunk five more times,
                // which real speech rarely needs (as in bench/stt-latency)
                "--earpiece.whisper.temperature-fallback=false",
                "--logging.level.io.earpiece=WARN", "--logging.level.io.earpiece.console.upload=INFO"));
        if (quantize != null) {
            args.add("--earpiece.whisper.quantize=" + quantize);
        }
        return new SpringApplicationBuilder(EarpieceApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
