package io.earpiece.stt.streaming;

import io.earpiece.stt.WordTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads words over the time of their segment in proportion to their length. whisper-jni 1.7.1 exposes neither
 * token timestamps nor token-level results, so per-word times are estimates (marked as such).
 */
final class WordTimings {

    private WordTimings() {
    }

    static List<WordTiming> spread(List<String> words, long startMs, long endMs) {
        if (words.isEmpty() || endMs <= startMs) {
            return List.of();
        }
        double weight = 0;
        for (String w : words) {
            weight += w.length() + 1;
        }
        double span = endMs - startMs;
        List<WordTiming> out = new ArrayList<>(words.size());
        double at = 0;
        for (String w : words) {
            double next = at + (w.length() + 1) / weight;
            out.add(new WordTiming(w, startMs + Math.round(at * span), startMs + Math.round(next * span), true));
            at = next;
        }
        return out;
    }
}
