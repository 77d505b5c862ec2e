package io.earpiece.stt.whisper;

import io.earpiece.stt.SpeechLikeAudio;
import io.earpiece.stt.Utterance;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times whisper.cpp on a 5 s chunk of speech-like audio with random-weight models of the tiny.en and base.en layouts.
 * Arguments: cache directory for the models, runs per model, threads. Prints the median seconds per chunk.
 */
public final class WhisperBenchmark {

    private static final int CHUNK_MS = 5_000;

    private WhisperBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args.length > 0 ? args[0] : "bench/out");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        float[] audio = SpeechLikeAudio.generate(CHUNK_MS, 1);
        StringBuilder summary = new StringBuilder();
        for (RandomGgmlModel model : new RandomGgmlModel[] {RandomGgmlModel.tinyEn(), RandomGgmlModel.baseEn()}) {
            Path file = model.writeCached(dir);
            long loadStart = System.nanoTime();
            try (WhisperRecognizer recognizer = new WhisperRecognizer(new WhisperSettings(file, threads, 1, "en"))) {
                double loadS = (System.nanoTime() - loadStart) / 1e9;
                recognizer.transcribe(new Utterance("bench", "rep", -1, 0, CHUNK_MS, audio)); // warm-up
                double[] seconds = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    recognizer.transcribe(new Utterance("bench", "rep", i, 0, CHUNK_MS, audio));
                    seconds[i] = (System.nanoTime() - start) / 1e9;
                }
                Arrays.sort(seconds);
                double median = seconds[runs / 2];
                String key = model.layout().name().replace('.', '_');
                System.out.printf(Locale.ROOT, "%s: load %.2f s, per 5 s chunk min %.3f median %.3f max %.3f s%n",
                        recognizer.describe(), loadS, seconds[0], median, seconds[runs - 1]);
                summary.append(String.format(Locale.ROOT, "%s_s_per_5s=%.2f ", key, median));
            }
        }
        System.out.println(summary + "threads=" + threads + " runs=" + runs);
    }
}
