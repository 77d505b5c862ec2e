package io.earpiece.stt.whisper;

import io.earpiece.stt.SpeechLikeAudio;
import io.earpiece.stt.Utterance;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An f16 model of tiny.en's layout turned into q8_0 the way whisper.cpp's quantize tool does it. */
class WhisperModelQuantizerTest {

    private static final Path DIR = Paths.get("target", "whisper-quantize");
    private final WhisperModelQuantizer quantizer = new WhisperModelQuantizer();

    @Test
    void writesALoadableQ8CopyOnceAndReusesIt() throws IOException {
        Path model = RandomGgmlModel.tinyEn().write(DIR.resolve("ggml-tiny.en.bin"));
        Files.deleteIfExists(DIR.resolve("ggml-tiny.en-q8_0.bin"));

        Path copy = quantizer.q8Copy(model);
        assertThat(copy.getFileName().toString()).isEqualTo("ggml-tiny.en-q8_0.bin");
        WhisperModelFile f16 = WhisperModelFile.inspect(model);
        WhisperModelFile q8 = WhisperModelFile.inspect(copy);
        assertThat(q8.ftype()).isEqualTo(7);
        assertThat(q8.tensors()).isEqualTo(f16.tensors());
        // the matrices shrink from 2 bytes a value to 34 bytes per 32 values
        assertThat((double) Files.size(copy) / Files.size(model)).isBetween(0.5, 0.6);

        try (WhisperRecognizer whisper = new WhisperRecognizer(
                new WhisperSettings(copy, 1, 1, "en").withTemperatureFallback(false))) {
            String text = whisper.transcribe(new Utterance("call-q", "rep", 0, 0, 5_000,
                    SpeechLikeAudio.generate(5_000, 7)));
            assertThat(text).isNotBlank();
        }

        FileTime written = Files.getLastModifiedTime(copy);
        assertThat(quantizer.q8Copy(model)).isEqualTo(copy);
        assertThat(Files.getLastModifiedTime(copy)).as("an intact, newer copy is reused").isEqualTo(written);
        assertThat(quantizer.q8Copy(copy)).as("a quantized model is used as it is").isEqualTo(copy);
    }

    @Test
    void aDamagedCopyIsWrittenAgain() throws IOException {
        Path model = RandomGgmlModel.tinyEn().write(DIR.resolve("again/ggml-tiny.en.bin"));
        Path copy = quantizer.q8Copy(model);
        byte[] half = java.util.Arrays.copyOf(Files.readAllBytes(copy), (int) (Files.size(copy) / 2));
        Files.write(copy, half);
        assertThat(quantizer.q8Copy(model)).isEqualTo(copy);
        assertThat(WhisperModelFile.inspect(copy).ftype()).isEqualTo(7);
    }

    @Test
    void aTruncatedModelIsRefusedAndLeavesNoCopy() throws IOException {
        Path model = RandomGgmlModel.tinyEn().write(DIR.resolve("cut/ggml-tiny.en.bin"));
        byte[] half = java.util.Arrays.copyOf(Files.readAllBytes(model), (int) (Files.size(model) / 2));
        Files.write(model, half);
        assertThatThrownBy(() -> quantizer.q8Copy(model)).isInstanceOf(WhisperModelException.class)
                .hasMessageContaining("truncated");
        try (var files = Files.list(model.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ggml-tiny.en.bin");
        }
    }
}
