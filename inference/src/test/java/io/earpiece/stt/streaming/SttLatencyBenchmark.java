package io.earpiece.stt.streaming;

import io.earpiece.stt.TranscriptionSession;
import io.earpiece.stt.scheduling.DecodeSample;
import io.earpiece.stt.scheduling.Priority;
import io.earpiece.stt.scheduling.RecognitionMetricsListener;
import io.earpiece.stt.scheduling.RecognitionScheduler;
import io.earpiece.stt.scheduling.SchedulerSettings;
import io.earpiece.stt.scheduling.SchedulerStats;
import io.earpiece.stt.testaudio.Audio16k;
import io.earpiece.testcalls.RenderedCall;
import io.earpiece.testcalls.TestCalls;
import io.earpiece.stt.whisper.RandomGgmlModel;
import io.earpiece.stt.whisper.WhisperRecognizer;
import io.earpiece.stt.whisper.WhisperBackend;
import io.earpiece.stt.whisper.WhisperSettings;
import io.earpiece.stt.SpeechLikeAudio;
import io.earpiece.stt.Utterance;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays N dev-corpus calls (both parties, 8 kHz PCMU decoded to 16 kHz, 20 ms frames in real time) through
 * streaming speech to text with random-weight tiny.en- and base.en-layout models, and measures the time from the end
 * of each reference utterance's voice (as replayed, in wall time) to the delivery of the final that covers it. The
 * VAD's hangover is inside that figure; the time from the VAD's own end-of-speech decision is printed beside it for
 * comparison only. N steps up until p95 exceeds 1 s or a final is missing. This runs the recognizer alone, without
 * SIP, RTP, assist, the database or the WebSocket.
 * <p>
 * Settings from the environment: STT_BENCH_STEPS (1,2,4,8,10,12,14,16,20), STT_BENCH_CALL_S (seconds of each call
 * replayed, 45 = whole calls), STT_BENCH_BUDGET_S (wall time for all steps of all models, 720), STT_BENCH_MODELS
 * (tiny,base), STT_BENCH_THREADS (1), STT_BENCH_WORKERS (2), STT_BENCH_PARTIAL_BUSY_LIMIT (0.75),
 * STT_BENCH_SPECULATIVE_DELAY_MS (0). Prompt carry-over and temperature fallback are off: the random model stops
 * after a fixed number of tokens counted from the start of the decoder context, so a prompt would shorten its
 * output, and its random tokens would always trigger fallback re-decodes that real speech rarely needs.
 */
public final class SttLatencyBenchmark {

    /** One party of a call: its audio, and where in it each reference utterance's voice ends. */
    private record Party(List<Audio16k.Chunk> chunks, long[] voiceEndsMs) {
    }

    /**
     * @param p50 end of voice (the reference utterance's end, as replayed) to the final that covers it
     * @param declaredP95 the VAD's end-of-speech decision to the final: starts inside the system, for comparison
     * @param missing reference utterances no final covered once the sessions closed
     */
    private record StepResult(int calls, int finals, double p50, double p95, double max, double declaredP95,
                              int missing, long dropped, long partials, double finalRtf) {
    }

    /** Matches one party's finals, in order, to the reference utterances whose voice they cover. */
    private static final class VoiceEnds {
        private final long[] endsMs;
        private final long offsetMs;
        private final long[] t0;
        private final List<Double> latencies;
        private int next;

        VoiceEnds(long[] endsMs, long offsetMs, long[] t0, List<Double> latencies) {
            this.endsMs = endsMs;
            this.offsetMs = offsetMs;
            this.t0 = t0;
            this.latencies = latencies;
        }

        /** A final arrived now: every utterance whose voice ended inside it waited from that end until now. */
        synchronized void onFinal(long segmentEndMs) {
            long now = System.nanoTime();
            // the VAD's end is the last voiced frame plus its tail; a decaying word may run a little past it
            while (next < endsMs.length && endsMs[next] <= segmentEndMs + 300) {
                long voiceEnd = t0[0] + (endsMs[next] + offsetMs) * 1_000_000L;
                latencies.add((now - voiceEnd) / 1e6);
                next++;
            }
        }

        synchronized int missing() {
            return endsMs.length - next;
        }
    }

    private SttLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "bench/out");
        int[] steps = Arrays.stream(env("STT_BENCH_STEPS", "1,2,4,8,10,12,14,16,20").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        long callMs = Long.parseLong(env("STT_BENCH_CALL_S", "45")) * 1000;
        long budgetNanos = Long.parseLong(env("STT_BENCH_BUDGET_S", "720")) * 1_000_000_000L;
        // the server's default on 2 cores: two decodes at once of one thread each
        int threads = Integer.parseInt(env("STT_BENCH_THREADS", "1"));
        int workers = Integer.parseInt(env("STT_BENCH_WORKERS", "2"));
        List<String> models = List.of(env("STT_BENCH_MODELS", "tiny,base").split(","));
        // the server runs f16 models from a q8_0 copy by default (earpiece.whisper.quantize); F16 measures the file
        RandomGgmlModel.Weights weights = RandomGgmlModel.Weights.valueOf(env("STT_BENCH_WEIGHTS", "Q8_0"));
        // e.g. external:inference/target/whisper-openblas (inference/native/whisper-openblas)
        String backend = env("STT_BENCH_BACKEND", "cpu");

        List<List<Party>> calls = loadCalls(out.resolve("corpus"), callMs);
        long started = System.nanoTime();
        StringBuilder summary = new StringBuilder();
        for (int m = 0; m < models.size(); m++) {
            String name = models.get(m).strip();
            RandomGgmlModel model = (name.equals("base") ? RandomGgmlModel.baseEn() : RandomGgmlModel.tinyEn())
                    .withWeights(weights);
            Path file = model.writeCached(out);
            WhisperSettings settings = new WhisperSettings(file, threads, workers, "en").withTemperatureFallback(false)
                    .withBackend(WhisperBackend.parse(backend));
            StepResult first = null;
            int maxOk = 0;
            try (WhisperRecognizer recognizer = new WhisperRecognizer(settings)) {
                recognizer.transcribe(new Utterance("warm-up", "rep", 0, 0, 3_000, SpeechLikeAudio.generate(3_000, 1)));
                // the models left to run get an equal share of what remains of the budget
                long modelDeadline = System.nanoTime() + (budgetNanos - (System.nanoTime() - started))
                        / (models.size() - m);
                for (int n : steps) {
                    if (System.nanoTime() + callMs * 1_000_000L * 12 / 10 > modelDeadline && first != null) {
                        System.out.printf(Locale.ROOT, "%s: time budget reached before %d calls%n", name, n);
                        break;
                    }
                    StepResult r = step(recognizer, calls, n, workers);
                    System.out.printf(Locale.ROOT, "model=%s.en calls=%d finals=%d voice_end_to_final_p50_ms=%.0f "
                                    + "p95_ms=%.0f max_ms=%.0f missing=%d (vad_declared_to_final_p95_ms=%.0f) "
                                    + "partials=%d dropped_partials=%d final_rtf=%.3f%n", name, n, r.finals(),
                            r.p50(), r.p95(), r.max(), r.missing(), r.declaredP95(), r.partials(), r.dropped(),
                            r.finalRtf());
                    if (first == null) {
                        first = r;
                    }
                    if (r.p95() > 1000 || r.missing() > 0) {
                        break;
                    }
                    maxOk = n;
                }
            }
            summary.append(String.format(Locale.ROOT, "%s_voice_to_final_p50_ms=%.0f %s_voice_to_final_p95_ms=%.0f "
                            + "%s_vad_declared_to_final_p95_ms=%.0f %s_max_calls_p95_le_1s=%d ", name, first.p50(),
                    name, first.p95(), name, first.declaredP95(), name, maxOk));
        }
        System.out.println(summary + "threads=" + threads + " workers=" + workers + " call_s=" + callMs / 1000
                + " weights=" + weights.name().toLowerCase(Locale.ROOT)
                + (backend.equals("cpu") ? "" : " backend=" + backend.replaceFirst(":.*/", ":")));
    }

    private static StepResult step(WhisperRecognizer recognizer, List<List<Party>> calls, int n, int workers) {
        List<Double> latencies = new CopyOnWriteArrayList<>();
        List<Double> fromVoice = new CopyOnWriteArrayList<>();
        List<VoiceEnds> voiceEnds = new ArrayList<>();
        long[] t0 = new long[1];
        List<Double> finalRtf = new CopyOnWriteArrayList<>();
        AtomicLong partials = new AtomicLong();
        java.util.Map<Priority, java.util.concurrent.atomic.DoubleAdder> busyMs = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<Priority, AtomicLong> decodes = new java.util.concurrent.ConcurrentHashMap<>();
        RecognitionMetricsListener metrics = new RecognitionMetricsListener() {
            @Override
            public void onDecode(DecodeSample sample) {
                if (sample.decodeMs() >= 1) {
                    busyMs.computeIfAbsent(sample.priority(), k -> new java.util.concurrent.atomic.DoubleAdder())
                            .add(sample.decodeMs());
                    decodes.computeIfAbsent(sample.priority(), k -> new AtomicLong()).incrementAndGet();
                }
                // final jobs whose speculative decode already delivered take no time: only real decodes count
                if (sample.priority() != Priority.PARTIAL && sample.decodeMs() >= 1) {
                    finalRtf.add(sample.realTimeFactor());
                }
            }

            @Override
            public void onFinalDelivered(String callId, String party, int index, long latencyNanos) {
                latencies.add(latencyNanos / 1e6);
            }
        };
        SchedulerStats stats;
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(workers,
                SchedulerSettings.defaults().maxQueuedJobs(), workers, Double.parseDouble(env(
                        "STT_BENCH_PARTIAL_BUSY_LIMIT", String.valueOf(SchedulerSettings.DEFAULT_PARTIAL_BUSY_LIMIT)))),
                metrics)) {
            StreamingSpeechToText stt = new StreamingSpeechToText(
                    StreamingSettings.defaults().withPromptCarryOver(false).withSpeculativeDelayMs(Integer.parseInt(
                            env("STT_BENCH_SPECULATIVE_DELAY_MS", String.valueOf(
                                    StreamingSettings.defaults().speculativeDelayMs())))), recognizer, scheduler);
            List<TranscriptionSession> sessions = new ArrayList<>();
            List<Party> parties = new ArrayList<>();
            long[] offsets = new long[n * 2];
            for (int c = 0; c < n; c++) {
                List<Party> call = calls.get(c % calls.size());
                for (int p = 0; p < 2; p++) {
                    // calls start 20 ms-aligned but staggered, as they would arrive on a real server
                    offsets[2 * c + p] = (c * 1_340L) % 5_000 / 20 * 20;
                    VoiceEnds ends = new VoiceEnds(call.get(p).voiceEndsMs(), offsets[2 * c + p], t0, fromVoice);
                    voiceEnds.add(ends);
                    sessions.add(stt.open("call-" + c, p == 0 ? "rep" : "customer", s -> {
                        if (!s.isFinal()) {
                            partials.incrementAndGet();
                        } else {
                            ends.onFinal(s.endMs());
                        }
                    }));
                    parties.add(call.get(p));
                }
            }
            int[] next = new int[sessions.size()];
            t0[0] = System.nanoTime();
            boolean any = true;
            for (long tick = 0; any; tick++) {
                long due = t0[0] + tick * 20_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long nowMs = tick * 20;
                any = false;
                for (int s = 0; s < sessions.size(); s++) {
                    List<Audio16k.Chunk> chunks = parties.get(s).chunks();
                    while (next[s] < chunks.size() && chunks.get(next[s]).mediaTimeMs() + offsets[s] <= nowMs) {
                        Audio16k.Chunk chunk = chunks.get(next[s]++);
                        sessions.get(s).accept(chunk.mediaTimeMs(), chunk.samples());
                    }
                    any |= next[s] < chunks.size();
                }
            }
            sessions.forEach(TranscriptionSession::close);
            stats = scheduler.stats();
        }
        StringBuilder busy = new StringBuilder("  decode work:");
        for (Priority p : Priority.values()) {
            busy.append(String.format(Locale.ROOT, " %s=%d/%.1fs", p.name().toLowerCase(Locale.ROOT),
                    decodes.getOrDefault(p, new AtomicLong()).get(),
                    busyMs.containsKey(p) ? busyMs.get(p).sum() / 1000 : 0.0));
        }
        System.out.println(busy);
        List<Double> declared = new ArrayList<>(latencies);
        Collections.sort(declared);
        List<Double> sorted = new ArrayList<>(fromVoice);
        Collections.sort(sorted);
        int missing = voiceEnds.stream().mapToInt(VoiceEnds::missing).sum();
        return new StepResult(n, declared.size(), percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 100), percentile(declared, 95), missing, stats.droppedPartials(), partials.get(),
                finalRtf.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    private static List<List<Party>> loadCalls(Path dir, long callMs) throws Exception {
        List<List<Party>> calls = new ArrayList<>();
        for (TestCalls.Script script : TestCalls.benchSet()) {
            RenderedCall call = TestCalls.render(script, dir);
            List<Party> parties = new ArrayList<>();
            for (String party : List.of("rep", "customer")) {
                List<Audio16k.Chunk> chunks = Audio16k.readPcmuPcap(call.pcap(party)).stream()
                        .filter(c -> c.mediaTimeMs() < callMs).toList();
                long[] ends = call.of(party).stream().mapToLong(RenderedCall.Utterance::endMs)
                        .filter(e -> e < callMs).toArray();
                parties.add(new Party(chunks, ends));
            }
            calls.add(parties);
        }
        if (calls.isEmpty()) {
            throw new IllegalStateException("no call scripts to play");
        }
        return calls;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
