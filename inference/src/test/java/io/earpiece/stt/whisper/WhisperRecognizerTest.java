package io.earpiece.stt.whisper;

import io.earpiece.stt.RecognitionHints;
import io.earpiece.stt.SpeechLikeAudio;
import io.earpiece.stt.Utterance;
import io.earpiece.stt.guard.SpeechEvidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loads a random-weight model with tiny.en's exact layout through whisper-jni and transcribes with it. */
class WhisperRecognizerTest {

    private static final Path DIR = Paths.get("target", "whisper-models");
    private static Path tinyModel;
    private static WhisperRecognizer recognizer;
    private static Duration loadTime;

    @BeforeAll
    static void loadTinyLayoutModel() throws IOException {
        tinyModel = RandomGgmlModel.tinyEn().writeCached(DIR);
        long started = System.nanoTime();
        // random tokens always look unreliable: temperature fallback would re-decode every final five more times
        recognizer = new WhisperRecognizer(new WhisperSettings(tinyModel, 2, 2, "en").withTemperatureFallback(false));
        loadTime = Duration.ofNanos(System.nanoTime() - started);
    }

    @AfterAll
    static void close() {
        if (recognizer != null) {
            recognizer.close();
        }
    }

    @Test
    void loadsTheModelQuickly() {
        assertThat(loadTime).isLessThan(Duration.ofSeconds(10));
        assertThat(recognizer.describe()).isEqualTo("whisper.cpp cpu ggml-tiny.en.bin threads=2");
    }

    @Test
    void generatedFileHasTinyEnLayout() {
        WhisperModelFile file = WhisperModelFile.inspect(tinyModel);
        assertThat(file).isEqualTo(new WhisperModelFile(51864, 384, 4, 4, 80, RandomGgmlModel.FTYPE_F16,
                7 + 15 * 4 + 4 + 24 * 4));
    }

    @Test
    void transcribesFiveSecondsOfAudio() {
        float[] audio = SpeechLikeAudio.generate(5_000, 7);
        String text = recognizer.transcribe(new Utterance("call-1", "rep", 0, 0, 5_000, audio));
        // random weights: the words are meaningless, but decoding must finish and produce some
        assertThat(text).isNotBlank();
    }

    @Test
    void transcribesOnBothStatesAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Utterance utterance = new Utterance("call-2", "customer", i, 0, 2_000, SpeechLikeAudio.generate(2_000, i));
                texts.add(pool.submit(() -> recognizer.transcribe(utterance)));
            }
            for (Future<String> text : texts) {
                assertThat(text.get(60, TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void padsUtterancesShorterThanWhisperAccepts() {
        float[] audio = SpeechLikeAudio.generate(300, 8);
        assertThat(recognizer.transcribe(new Utterance("call-1", "rep", 1, 0, 300, audio))).isNotNull();
    }

    @Test
    void silenceGivesNoText() {
        // random weights write text for any audio they are given: only the guard can keep this empty
        Utterance silence = new Utterance("call-3", "rep", 0, 0, 3_000, new float[3 * 16_000]);
        assertThat(recognizer.transcribe(silence)).isEmpty();
        assertThat(recognizer.transcribe(silence, new RecognitionHints("previous words", false))).isEmpty();
    }

    @Test
    void noiseGivesNoText() {
        SplittableRandom random = new SplittableRandom(11);
        float[] noise = new float[3 * 16_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.25 * (2 * random.nextDouble() - 1));
        }
        assertThat(recognizer.transcribe(new Utterance("call-3", "rep", 1, 0, 3_000, noise))).isEmpty();
    }

    @Test
    void theGuardIsWhatKeepsNoiseSilent() throws IOException {
        SplittableRandom random = new SplittableRandom(12);
        float[] noise = new float[2 * 16_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.25 * (2 * random.nextDouble() - 1));
        }
        SpeechEvidence acceptEverything = new SpeechEvidence(-120, 0, 0);
        try (WhisperRecognizer unguarded = new WhisperRecognizer(
                new WhisperSettings(tinyModel, 2, 1, "en").withTemperatureFallback(false), acceptEverything)) {
            assertThat(unguarded.transcribe(new Utterance("call-3", "rep", 2, 0, 2_000, noise))).isNotBlank();
        }
    }

    /** The pinned {@code -q5_1} downloads, and q8_0 files, are whisper.cpp's quantized layouts; they load and decode. */
    @ParameterizedTest
    @EnumSource(value = RandomGgmlModel.Weights.class, names = {"Q8_0", "Q5_1"})
    void loadsAndDecodesQuantizedModels(RandomGgmlModel.Weights weights) throws IOException {
        RandomGgmlModel model = RandomGgmlModel.tinyEn().withWeights(weights);
        Path file = model.writeCached(DIR);
        assertThat(file.getFileName().toString()).isEqualTo("ggml-tiny.en-" + weights.name().toLowerCase() + ".bin");
        assertThat(WhisperModelFile.inspect(file).ftype()).isEqualTo(weights.ftype);
        assertThat(Files.size(file)).isLessThan(Files.size(tinyModel) * 3 / 4);
        try (WhisperRecognizer quantized = new WhisperRecognizer(
                new WhisperSettings(file, 1, 1, "en").withTemperatureFallback(false))) {
            float[] audio = SpeechLikeAudio.generate(5_000, 7);
            assertThat(quantized.transcribe(new Utterance("call-5", "rep", 0, 0, 5_000, audio))).isNotBlank();
        }
    }

    @Test
    void acceptsAPromptAndAPartialDecode() {
        float[] audio = SpeechLikeAudio.generate(2_000, 9);
        Utterance utterance = new Utterance("call-4", "customer", 0, 0, 2_000, audio);
        assertThat(recognizer.transcribe(utterance, new RecognitionHints("Hi Dana, this is Sam from Northwind.", true)))
                .isNotNull();
    }

    @Test
    void refusesATruncatedModel() throws IOException {
        Path truncated = DIR.resolve("truncated.bin");
        copyPrefix(tinyModel, truncated, Files.size(tinyModel) / 2);
        assertThatThrownBy(() -> new WhisperRecognizer(WhisperSettings.defaults(truncated)))
                .isInstanceOf(WhisperModelException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesAFileThatIsNoModel() throws IOException {
        Path garbage = DIR.resolve("garbage.bin");
        Files.writeString(garbage, "this is not a whisper model, just text padding it out a little");
        assertThatThrownBy(() -> new WhisperRecognizer(WhisperSettings.defaults(garbage)))
                .isInstanceOf(WhisperModelException.class)
                .hasMessageContaining("bad magic");
    }

    @Test
    void refusesAMissingModel() {
        Path missing = DIR.resolve("no-such-model.bin");
        assertThatThrownBy(() -> new WhisperRecognizer(WhisperSettings.defaults(missing)))
                .isInstanceOf(WhisperModelException.class)
                .hasMessageContaining("not found");
    }

    private static void copyPrefix(Path from, Path to, long bytes) throws IOException {
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[1 << 16];
            long left = bytes;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
