package io.earpiece.summary.cli;

import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.CallAnalysis;
import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceUtterance;
import io.earpiece.assist.TranscriptFormatException;
import io.earpiece.assist.eval.CallScriptParser;
import io.earpiece.assist.playbook.PlaybookLoader;
import io.earpiece.summary.CallSummarizer;
import io.earpiece.summary.CallSummary;
import io.earpiece.summary.SummaryTextRenderer;
import io.earpiece.summary.Utterance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code SummaryLatencyBench CORPUS_DIR [ROUNDS]}: for every corpus script, runs the assist engine over the
 * utterances as they would arrive live, then times hang-up (transcript and events complete) to summary and its
 * text ready. The first summary of the process is reported separately (cold), then warm rounds give p50/p95.
 */
public final class SummaryLatencyBench {
    private static final LocalDate CALL_DATE = LocalDate.of(2025, 3, 12);

    private SummaryLatencyBench() {
    }

    public static void main(String[] args) throws IOException, TranscriptFormatException {
        if (args.length < 1) {
            System.err.println("usage: SummaryLatencyBench CORPUS_DIR [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<ReferenceTranscript> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".call")).sorted().toList()) {
                calls.add(new CallScriptParser().parse(Files.readString(p)));
            }
        }
        if (calls.isEmpty()) {
            System.err.println("no .call scripts in " + args[0]);
            System.exit(2);
        }
        AssistEngine engine = new AssistEngine(new PlaybookLoader().loadDefault());
        List<List<AssistEvent>> live = new ArrayList<>();
        for (ReferenceTranscript call : calls) {
            live.add(liveEvents(engine, call));
        }
        long coldStart = System.nanoTime();
        CallSummarizer summarizer = new CallSummarizer();
        SummaryTextRenderer renderer = new SummaryTextRenderer();
        renderer.render(summarizer.summarize(Utterance.of(calls.get(0)), live.get(0), CALL_DATE));
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        List<Double> millis = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < calls.size(); c++) {
                long t0 = System.nanoTime();
                CallSummary summary = summarizer.summarize(Utterance.of(calls.get(c)), live.get(c), CALL_DATE);
                renderer.render(summary);
                millis.add((System.nanoTime() - t0) / 1e6);
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "p50_ms=%.2f p95_ms=%.2f max_ms=%.2f cold_ms=%.1f calls=%d samples=%d"
                        + " engine=offline%n", percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1], coldMs, calls.size(), sorted.length);
    }

    private static List<AssistEvent> liveEvents(AssistEngine engine, ReferenceTranscript call) {
        CallAnalysis analysis = engine.startCall(CALL_DATE);
        List<ReferenceUtterance> us = call.utterances();
        for (int i = 0; i < us.size(); i++) {
            ReferenceUtterance u = us.get(i);
            analysis.onFinalSegment(i, u.speaker(), u.start(), u.end(), u.text());
        }
        return analysis.events();
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
