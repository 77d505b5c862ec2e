package io.earpiece.upload;

import io.earpiece.stt.vad.VadSettings;

import java.util.Objects;

/**
 * How a recording is cut and recognised offline.
 *
 * @param threads    chunks recognised at the same time (match the recognizer's parallel states)
 * @param maxChunkMs longest chunk handed to the recognizer (whisper sees at most 30 s)
 * @param chunkVad   segmenter that splits speaker turns longer than {@code maxChunkMs} at pauses
 */
public record BatchSettings(int threads, long maxChunkMs, VadSettings chunkVad) {

    public BatchSettings {
        Objects.requireNonNull(chunkVad, "chunkVad");
        if (threads < 1 || maxChunkMs < 1_000) {
            throw new IllegalArgumentException("threads >= 1 and maxChunkMs >= 1000 required: " + threads + ", "
                    + maxChunkMs);
        }
    }

    /** 2 threads, chunks of at most 25 s. */
    public static BatchSettings defaults() {
        return new BatchSettings(2, 25_000, new VadSettings(-45.0, 60, 300, 200, 200, 25_000));
    }
}
