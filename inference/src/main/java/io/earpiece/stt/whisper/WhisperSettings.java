package io.earpiece.stt.whisper;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run whisper.cpp.
 *
 * @param model    ggml whisper model file, e.g. {@code ggml-base.en.bin}
 * @param threads  CPU threads one transcription uses
 * @param contexts whisper states kept, i.e. how many utterances are transcribed at the same time
 * @param language spoken language code, e.g. {@code en}
 */
public record WhisperSettings(Path model, int threads, int contexts, String language) {

    public WhisperSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(language, "language");
        if (threads < 1 || contexts < 1) {
            throw new IllegalArgumentException("threads and contexts must be at least 1: " + threads + ", " + contexts);
        }
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
    }

    /** English, 2 threads, 2 parallel states. */
    public static WhisperSettings defaults(Path model) {
        return new WhisperSettings(model, 2, 2, "en");
    }
}
