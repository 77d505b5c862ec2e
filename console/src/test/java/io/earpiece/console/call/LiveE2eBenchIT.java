package io.earpiece.console.call;

import io.earpiece.assist.playbook.PlaybookLoader;
import io.earpiece.console.EarpieceApplication;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.config.SpeechConfiguration;
import io.earpiece.console.testing.AudioMath;
import io.earpiece.console.testing.ProcessGauge;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.StampedEvents;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.TestClassesExcluded;
import io.earpiece.sip.SipGateway;
import io.earpiece.stt.whisper.RandomGgmlModel;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark run by bench/live-e2e (skipped unless -Dearpiece.bench=true): the live loop as a rep lives it, through
 * the running server and real peers on loopback. The server starts in-process with its defaults and a random-weight
 * tiny.en model (run from its q8_0 copy, as by default); for each step of N, sipp places N concurrent two-leg calls
 * playing a dev-corpus rendering in real time while a console's WebSocket ({@code /ws/events}) stamps every event on
 * arrival. Each reference utterance is timed from the user's moment (the leg's ACK, after which sipp plays the pcap,
 * plus the utterance's end or start in the audio) to the first final covering its end and to its first partial.
 * Then a second server with the test-only replay recognizer (real text, so the playbook raises cards) times the
 * end of each card-worthy utterance to its first card. The line goes to target/bench/live-e2e.txt.
 * <p>
 * -Dearpiece.bench.steps=1,4,10 (concurrent calls per step), -Dearpiece.bench.call=renewal-price (dev script),
 * -Dearpiece.bench.card-calls=1.
 */
@EnabledIfSystemProperty(named = "earpiece.bench", matches = "true")
class LiveE2eBenchIT {

    private static final Path DATA = Path.of("target", "it-data", "live-e2e-bench");
    /** How long finals may still come after the last hang-up before they count as missing. */
    private static final Duration AFTER_HANG_UP = Duration.ofSeconds(10);

    /** What one step measured: per reference utterance of every call, and the JVM over the step. */
    private record Step(int calls, List<LiveLoopLatency.Utterance> utterances, List<LiveLoopLatency.Card> cards,
                        long emptyFinals, double rssMb, double cpuPct) {
    }

    @Test
    void userMomentToWhatTheRepSees() throws Exception {
        int[] steps = Arrays.stream(System.getProperty("earpiece.bench.steps", "1,4,10").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        SynthCall call = SynthCall.generate(System.getProperty("earpiece.bench.call", "renewal-price"));
        int cardCalls = Integer.getInteger("earpiece.bench.card-calls", 1);
        List<String> figures = new ArrayList<>();

        Path model = RandomGgmlModel.tinyEn().writeCached(Path.of("target", "whisper-models"));
        double cpuOfLargest = 0;
        try (ConfigurableApplicationContext app = start("whisper", c -> { },
                "earpiece.whisper.model=" + model.toAbsolutePath(),
                // random weights never look reliable, so fallback would re-decode every chunk five more times,
                // which real speech rarely needs (as in bench/stt-latency and bench/upload)
                "earpiece.whisper.temperature-fallback=false")) {
            String recognizer = app.getBean(SpeechConfiguration.SpeechRecognizerHolder.class).recognizer().describe();
            assertThat(recognizer).as("the server runs whisper.cpp").containsIgnoringCase("whisper")
                    .doesNotContain("replay");
            System.out.println("live-e2e: " + recognizer + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            for (int n : steps) {
                Step s = step(app, call, n, "whisper step");
                figures.add(finalFigures(s));
                cpuOfLargest = s.cpuPct();
            }
        }
        // before the replay server starts: its own start-up would add to the mark
        double peakRssMb = ProcessGauge.highWaterMarkMb();

        ReplaySpeechRecognizer replay = new ReplaySpeechRecognizer();
        replay.use(call.reference());
        try (ConfigurableApplicationContext app = start("replay",
                c -> c.getBeanFactory().registerSingleton("replaySpeechRecognizer", replay))) {
            Step s = step(app, call, cardCalls, "replay-recognizer step (for cards; its finals skip decoding)");
            List<Double> ms = sorted(s.cards().stream().map(LiveLoopLatency.Card::ms));
            System.out.printf(Locale.ROOT, "live-e2e cards (replay recognizer text): %s%n", s.cards());
            figures.add(String.format(Locale.ROOT, "card_p50_ms=%s card_p95_ms=%s card_max_ms=%s card_n=%d "
                            + "card_missing=%d", fmt(pct(ms, 50)), fmt(pct(ms, 95)), fmt(pct(ms, 100)), ms.size(),
                    s.cards().size() - ms.size()));
        }

        String line = String.join(" ", figures) + String.format(Locale.ROOT,
                " peak_rss_mb=%.0f cpu_pct=%.0f cores=%d call=%s call_s=%.0f model=tiny.en weights=q8_0 "
                        + "recognizer_for_cards=replay media_start=sipp_ack",
                peakRssMb, cpuOfLargest, Runtime.getRuntime().availableProcessors(), call.name(),
                call.reference().duration_s());
        Path out = Path.of("target", "bench", "live-e2e.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n");
        System.out.println(line);
    }

    /** N concurrent calls through the server; returns once every final arrived or 10 s after the last hang-up. */
    private Step step(ConfigurableApplicationContext app, SynthCall call, int n, String label) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String token = TestAuth.adminToken(port);
        String conversation = "e2e" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessGauge gauge = ProcessGauge.start();
        try (gauge; StampedEvents events = StampedEvents.connect(port, token);
             SipLegs legs = SipLegs.start(call, conversation, "127.0.0.1", app.getBean(SipGateway.class).port(), n)) {
            legs.awaitSuccess(Duration.ofSeconds(Math.round(call.reference().duration_s()) + 30));
            Map<String, Map<String, Instant>> starts = mediaStarts(legs, conversation, n);
            Map<String, String> conversationOf = callIds(port, token, conversation, n);
            int expected = n * call.reference().utterances().size();
            double[] voiceEnds = voiceEnds(call);
            try {
                await().atMost(AFTER_HANG_UP).pollInterval(Duration.ofMillis(200))
                        .until(() -> finals(measure(call, voiceEnds, events.all(), starts, conversationOf)) == expected);
            } catch (ConditionTimeoutException e) {
                // finals still missing after the wait are a result of the step, counted below
            }
            gauge.close();
            List<StampedEvents.Stamped> all = events.all();
            Step s = new Step(n, measure(call, voiceEnds, all, starts, conversationOf), cards(call, all, starts, conversationOf),
                    all.stream().filter(e -> e.type().equals("retracted")).count(), gauge.peakRssMb(), gauge.cpuPct());
            System.out.println("live-e2e " + label + ": " + finalFigures(s) + " empty_finals=" + s.emptyFinals()
                    + " events=" + all.size());
            return s;
        }
    }

    /** Conversation (sipp's X-Earpiece-Conversation, the server's conversation id) to party to its ACK time. */
    private static Map<String, Map<String, Instant>> mediaStarts(SipLegs legs, String conversation, int n) {
        Map<String, Map<String, Instant>> out = new HashMap<>();
        for (String party : List.of("rep", "customer")) {
            legs.ackTimes(party).forEach((conv, at) -> out.computeIfAbsent(conv, k -> new HashMap<>()).put(party, at));
        }
        assertThat(out.keySet()).as("ACKs in sipp's message traces").hasSize(n)
                .allMatch(c -> c.startsWith(conversation + "-"));
        return out;
    }

    /** The server's call id to its conversation id, for the step's calls. */
    private static Map<String, String> callIds(int port, String token, String conversation, int n) {
        List<CallViews.CallSummary> calls = await().atMost(Duration.ofSeconds(10)).until(() ->
                TestAuth.as(port, token).get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                        .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                        .returnResult().getResponseBody().stream()
                        .filter(c -> c.conversationId().startsWith(conversation + "-")).toList(), l -> l.size() == n);
        Map<String, String> out = new HashMap<>();
        calls.forEach(c -> out.put(c.id(), c.conversationId()));
        return out;
    }

    private static List<LiveLoopLatency.Utterance> measure(SynthCall call, double[] voiceEnds,
                                                           List<StampedEvents.Stamped> all,
                                                           Map<String, Map<String, Instant>> starts,
                                                           Map<String, String> conversationOf) {
        List<LiveLoopLatency.Utterance> out = new ArrayList<>();
        conversationOf.forEach((callId, conv) -> out.addAll(LiveLoopLatency.utterances(call.reference(),
                starts.getOrDefault(conv, Map.of()), voiceEnds, ofCall(all, callId))));
        return out;
    }

    /** Per reference utterance, where its voice stops in the party's rendering (before espeak's quiet tail). */
    private static double[] voiceEnds(SynthCall call) throws java.io.IOException {
        Map<String, short[]> audio = new HashMap<>();
        List<ReferenceTranscript.Utterance> utterances = call.reference().utterances();
        double[] out = new double[utterances.size()];
        for (int i = 0; i < out.length; i++) {
            ReferenceTranscript.Utterance u = utterances.get(i);
            short[] samples = audio.computeIfAbsent(u.speaker(), p -> {
                try {
                    return AudioMath.readWav(call.wav(p));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out[i] = AudioMath.lastVoicedS(samples, 16_000, u.start(), u.end());
        }
        return out;
    }

    private static List<LiveLoopLatency.Card> cards(SynthCall call, List<StampedEvents.Stamped> all,
                                                    Map<String, Map<String, Instant>> starts,
                                                    Map<String, String> conversationOf) {
        List<LiveLoopLatency.Card> out = new ArrayList<>();
        var templates = new PlaybookLoader().loadDefault().cards();
        conversationOf.forEach((callId, conv) -> out.addAll(LiveLoopLatency.cards(call.reference(),
                starts.getOrDefault(conv, Map.of()), ofCall(all, callId), templates)));
        return out;
    }

    private static List<StampedEvents.Stamped> ofCall(List<StampedEvents.Stamped> all, String callId) {
        return all.stream().filter(e -> e.callId().equals(callId)).toList();
    }

    private static long finals(List<LiveLoopLatency.Utterance> utterances) {
        return utterances.stream().filter(u -> u.finalMs() != null).count();
    }

    private static String finalFigures(Step s) {
        List<Double> fin = sorted(s.utterances().stream().map(LiveLoopLatency.Utterance::finalMs));
        List<Double> voice = sorted(s.utterances().stream().map(LiveLoopLatency.Utterance::finalFromVoiceMs));
        List<Double> partial = sorted(s.utterances().stream().map(LiveLoopLatency.Utterance::partialFromStartMs));
        String p = "calls_" + s.calls() + "_";
        return String.format(Locale.ROOT, "%sfinal_p50_ms=%s %sfinal_p95_ms=%s %sfinal_max_ms=%s "
                        + "%svoice_final_p50_ms=%s %svoice_final_p95_ms=%s "
                        + "%spartial_start_p50_ms=%s %spartial_start_p95_ms=%s %sno_partial=%d %smissing=%d "
                        + "%srss_mb=%.0f %scpu_pct=%.0f",
                p, fmt(pct(fin, 50)), p, fmt(pct(fin, 95)), p, fmt(pct(fin, 100)),
                p, fmt(pct(voice, 50)), p, fmt(pct(voice, 95)),
                p, fmt(pct(partial, 50)), p, fmt(pct(partial, 95)), p, s.utterances().size() - partial.size(),
                p, s.utterances().size() - fin.size(), p, s.rssMb(), p, s.cpuPct());
    }

    private static List<Double> sorted(java.util.stream.Stream<Double> values) {
        List<Double> out = new ArrayList<>(values.filter(Objects::nonNull).toList());
        Collections.sort(out);
        return out;
    }

    /** Nearest-rank percentile, as the other benchmarks; NaN for no values. */
    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    private static String fmt(double ms) {
        return Double.isNaN(ms) ? "NA" : String.format(Locale.ROOT, "%.0f", ms);
    }

    /** The server as configured by default, on loopback, with {@code extra} properties and beans. */
    private static ConfigurableApplicationContext start(String name,
                                                        Consumer<ConfigurableApplicationContext> beans,
                                                        String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "server.port=0", "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0",
                "earpiece.sip.public-host=127.0.0.1", "earpiece.rtp.host=127.0.0.1",
                "earpiece.rtp.port-min=49500", "earpiece.rtp.port-max=49599",
                TestAuth.ADMIN_PASSWORD_PROPERTY, "earpiece.data-dir=" + DATA.resolve(name),
                "earpiece.reports.nightly=false",
                "spring.datasource.url=jdbc:h2:mem:live-e2e-" + name + ";DB_CLOSE_DELAY=-1",
                "logging.level.io.earpiece=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(EarpieceApplication.class)
                .initializers(TestClassesExcluded::register, beans::accept)
                .run(args.stream().map(a -> "--" + a).toArray(String[]::new));
    }
}
