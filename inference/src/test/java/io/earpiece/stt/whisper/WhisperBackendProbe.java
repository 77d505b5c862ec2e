package io.earpiece.stt.whisper;

import io.earpiece.stt.SpeechLikeAudio;
import io.earpiece.stt.Utterance;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a whisper.cpp backend in a JVM of its own (a JVM holds one build) and decodes one chunk of speech-like
 * audio. Arguments: backend ({@code cpu}, {@code external:DIR}), model file. Prints
 * {@code backend=… text_chars=… decode_ms=…} on stdout; whisper.cpp's start-up lines go to the log on stderr.
 */
public final class WhisperBackendProbe {

    private static final int CHUNK_MS = 4_000;

    private WhisperBackendProbe() {
    }

    public static void main(String[] args) {
        WhisperSettings settings = new WhisperSettings(Path.of(args[1]), 1, 1, "en")
                .withBackend(WhisperBackend.parse(args[0])).withTemperatureFallback(false);
        try (WhisperRecognizer recognizer = new WhisperRecognizer(settings)) {
            float[] audio = SpeechLikeAudio.generate(CHUNK_MS, 3);
            long started = System.nanoTime();
            String text = recognizer.transcribe(new Utterance("probe", "rep", 0, 0, CHUNK_MS, audio));
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(Locale.ROOT, "backend=%s text_chars=%d decode_ms=%d%n", recognizer.describe(),
                    text.strip().length(), ms);
        }
    }
}
