package io.earpiece.stt.whisper;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run whisper.cpp.
 *
 * @param model                ggml whisper model file, e.g. {@code ggml-base.en.bin}
 * @param threads              CPU threads one transcription uses
 * @param contexts             whisper states kept, i.e. how many utterances are transcribed at the same time
 * @param language             spoken language code, e.g. {@code en}
 * @param backend              which whisper.cpp build runs (bundled CPU, or an external CUDA build)
 * @param shortAudioContext    encode only as much of whisper's 30 s window as the audio fills (plus a margin)
 *                             instead of all of it: several times faster on short utterances, at some cost in
 *                             accuracy on real models
 * @param temperatureFallback  re-decode a final at higher temperatures when greedy decoding looks unreliable
 *                             (never for partials, where latency matters more)
 */
public record WhisperSettings(Path model, int threads, int contexts, String language, WhisperBackend backend,
                              boolean shortAudioContext, boolean temperatureFallback) {

    public WhisperSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(backend, "backend");
        if (threads < 1 || contexts < 1) {
            throw new IllegalArgumentException("threads and contexts must be at least 1: " + threads + ", " + contexts);
        }
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
    }

    /** The bundled CPU build with a short audio context and temperature fallback for finals. */
    public WhisperSettings(Path model, int threads, int contexts, String language) {
        this(model, threads, contexts, language, WhisperBackend.cpu(), true, true);
    }

    /** English, 2 threads, 2 parallel states, CPU. */
    public static WhisperSettings defaults(Path model) {
        return new WhisperSettings(model, 2, 2, "en");
    }

    /** The same settings on another backend. */
    public WhisperSettings withBackend(WhisperBackend other) {
        return new WhisperSettings(model, threads, contexts, language, other, shortAudioContext, temperatureFallback);
    }

    /** The same settings with temperature fallback switched on or off. */
    public WhisperSettings withTemperatureFallback(boolean on) {
        return new WhisperSettings(model, threads, contexts, language, backend, shortAudioContext, on);
    }
}
