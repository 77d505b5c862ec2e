package io.earpiece.assist.cli;

import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.CallAnalysis;
import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceUtterance;
import io.earpiece.assist.TranscriptFormatException;
import io.earpiece.assist.eval.CallScriptParser;
import io.earpiece.assist.intent.MiniLmSentenceEncoder;
import io.earpiece.assist.intent.SentenceEncoder;
import io.earpiece.assist.knowledge.KnowledgeAssist;
import io.earpiece.assist.knowledge.KnowledgeBase;
import io.earpiece.assist.knowledge.KnowledgeBaseLoader;
import io.earpiece.assist.knowledge.RetrievalSettings;
import io.earpiece.assist.playbook.PlaybookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code AssistLatencyBench CORPUS_DIR [ROUNDS]}: times final segment to events and cards for every utterance
 * of the corpus scripts, after one warm-up round, for the offline engine alone and with knowledge answers, and
 * prints p50/p95 as the last line.
 */
public final class AssistLatencyBench {
    private AssistLatencyBench() {
    }

    public static void main(String[] args) throws IOException, TranscriptFormatException {
        if (args.length < 1) {
            System.err.println("usage: AssistLatencyBench CORPUS_DIR [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<ReferenceTranscript> calls = new ArrayList<>();
        CallScriptParser parser = new CallScriptParser();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".call")).sorted().toList()) {
                calls.add(parser.parse(Files.readString(p)));
            }
        }
        if (calls.isEmpty()) {
            System.err.println("no .call scripts in " + args[0]);
            System.exit(2);
        }
        SentenceEncoder encoder = new MiniLmSentenceEncoder();
        AssistEngine engine = new AssistEngine(new PlaybookLoader().loadDefault(), encoder);
        KnowledgeBase kb = new KnowledgeBase(new KnowledgeBaseLoader().loadExample(), encoder,
                RetrievalSettings.defaults());
        AssistEngine withKnowledge = engine.withDecorator(new KnowledgeAssist(kb, 120));
        double[] plain = measure(engine, calls, rounds);
        double[] knowledge = measure(withKnowledge, calls, rounds);
        System.out.printf(Locale.ROOT, "offline+knowledge: p50_ms=%.1f p95_ms=%.1f max_ms=%.1f%n",
                percentile(knowledge, 50), percentile(knowledge, 95), knowledge[knowledge.length - 1]);
        System.out.printf(Locale.ROOT,
                "p50_ms=%.1f p95_ms=%.1f max_ms=%.1f kb_p95_ms=%.1f segments=%d engine=offline%n",
                percentile(plain, 50), percentile(plain, 95), plain[plain.length - 1], percentile(knowledge, 95),
                plain.length);
    }

    private static double[] measure(AssistEngine engine, List<ReferenceTranscript> calls, int rounds) {
        runRound(engine, calls);
        List<Double> millis = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            millis.addAll(runRound(engine, calls));
        }
        return millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static List<Double> runRound(AssistEngine engine, List<ReferenceTranscript> calls) {
        List<Double> out = new ArrayList<>();
        for (ReferenceTranscript call : calls) {
            CallAnalysis analysis = engine.startCall(LocalDate.of(2025, 3, 12));
            List<ReferenceUtterance> us = call.utterances();
            for (int i = 0; i < us.size(); i++) {
                ReferenceUtterance u = us.get(i);
                long t0 = System.nanoTime();
                analysis.onFinalSegment(i, u.speaker(), u.start(), u.end(), u.text());
                out.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return out;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
