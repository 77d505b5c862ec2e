package io.earpiece.stt.whisper;

import io.earpiece.stt.SpeechLikeAudio;
import io.earpiece.stt.Utterance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the random-weight tiny.en model on a CUDA build of whisper.cpp (docker/Dockerfile.cuda). Skipped unless
 * EARPIECE_WHISPER_CUDA_LIBDIR names the built libraries and an NVIDIA device is present; it runs in the
 * failsafe JVM, apart from the unit tests that load the CPU build, because a JVM holds one whisper.cpp build.
 */
class WhisperCudaIT {

    @Test
    void decodesOnTheGpu() throws Exception {
        String dir = System.getenv("EARPIECE_WHISPER_CUDA_LIBDIR");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "EARPIECE_WHISPER_CUDA_LIBDIR not set: no CUDA build");
        Assumptions.assumeTrue(Files.exists(Paths.get("/dev/nvidia0")), "no NVIDIA device");
        Path model = RandomGgmlModel.tinyEn().writeCached(Paths.get("target", "whisper-models"));
        WhisperSettings settings = new WhisperSettings(model, 2, 1, "en").withBackend(
                WhisperBackend.cuda(Paths.get(dir)));
        try (WhisperRecognizer recognizer = new WhisperRecognizer(settings)) {
            assertThat(recognizer.describe()).startsWith("whisper.cpp cuda ");
            String text = recognizer.transcribe(new Utterance("gpu", "rep", 0, 0, 5_000,
                    SpeechLikeAudio.generate(5_000, 7)));
            assertThat(text).isNotBlank();
        }
    }
}
