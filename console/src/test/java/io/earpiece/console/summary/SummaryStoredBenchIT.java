package io.earpiece.console.summary;

import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.eval.CallScriptParser;
import io.earpiece.console.call.CallCoordinator;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.summary.SummaryEntity;
import io.earpiece.db.summary.SummaryRepository;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.Party;
import io.earpiece.stt.SpeechToText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark run by bench/summary-stored (skipped unless -Dearpiece.bench=true): each dev-corpus call goes through
 * the running app (both legs, scripted final segments, live assist), and the time from the last leg's hang-up to
 * the summary row being readable is measured. One untimed warm-up call first; the line goes to
 * target/bench/summary-stored.txt.
 */
@EnabledIfSystemProperty(named = "earpiece.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47750", "earpiece.rtp.port-max=47799",
        "earpiece.data-dir=target/it-data/summary-bench",
        "spring.datasource.url=jdbc:h2:mem:summarybench;DB_CLOSE_DELAY=-1",
        "logging.level.io.earpiece=WARN"})
class SummaryStoredBenchIT {

    private static final int ROUNDS = Integer.getInteger("earpiece.bench.rounds", 4);
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Autowired
    CallCoordinator coordinator;
    @Autowired
    ScriptedCalls speech;
    @Autowired
    CallRepository calls;
    @Autowired
    TranscriptSegmentRepository segments;
    @Autowired
    SummaryRepository summaries;

    @TestConfiguration
    static class Speech {
        @Bean
        ScriptedCalls scriptedCalls() {
            return new ScriptedCalls();
        }

        @Bean
        @Primary
        SpeechToText scriptedSpeech(ScriptedCalls calls) {
            return calls;
        }
    }

    @Test
    void hangUpToStoredSummary() throws Exception {
        List<ReferenceTranscript> scripts = new ArrayList<>();
        // the project's calls, or with -Dearpiece.bench.corpus=dev those of ../shared
        for (io.earpiece.testcalls.TestCalls.Script script : io.earpiece.testcalls.TestCalls.benchSet()) {
            scripts.add(new CallScriptParser().parse(Files.readString(script.path())));
        }
        assertThat(scripts).as("call scripts").isNotEmpty();
        double coldMs = oneCall("warm-up", scripts.get(0));
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < scripts.size(); i++) {
                ms.add(oneCall("r" + round + "-" + i, scripts.get(i)));
            }
        }
        Collections.sort(ms);
        TreeSet<String> engines = new TreeSet<>();
        summaries.findAll().stream().map(SummaryEntity::getEngine).forEach(engines::add);
        String line = String.format(Locale.ROOT, "p50_ms=%.1f p95_ms=%.1f max_ms=%.1f cold_ms=%.1f calls=%d engine=%s",
                percentile(ms, 50), percentile(ms, 95), ms.get(ms.size() - 1), coldMs, ms.size(),
                String.join(",", engines));
        Path out = Path.of("target", "bench", "summary-stored.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n");
        System.out.println(line);
    }

    /** Runs one call; returns milliseconds from the last leg's BYE to its summary being readable. */
    private double oneCall(String name, ReferenceTranscript script) throws Exception {
        speech.next(script);
        String conv = "bench-" + name;
        String rep = "leg-r-" + name;
        String customer = "leg-c-" + name;
        coordinator.open(new LegOffer(rep, "sip:alice.rep@acme.test", "sip:+15550100@pstn.test", conv, Party.REP,
                new InetSocketAddress("127.0.0.1", 9), Codec.PCMU, 101));
        coordinator.open(new LegOffer(customer, "sip:alice.rep@acme.test", "sip:+15550100@pstn.test", conv,
                Party.CUSTOMER, new InetSocketAddress("127.0.0.1", 9), Codec.PCMU, 101));
        String callId = calls.findAll().stream().filter(c -> c.getConversationId().equals(conv)).findFirst()
                .orElseThrow().getId();
        // The rep leg ends first and delivers the call's final segments; the clock starts at the last BYE.
        coordinator.ended(rep, EndReason.REMOTE_BYE);
        await().atMost(LIMIT).until(() ->
                segments.findByCallIdOrderByStartMsAscIdAsc(callId).size() == script.utterances().size());
        long start = System.nanoTime();
        coordinator.ended(customer, EndReason.REMOTE_BYE);
        long deadline = start + LIMIT.toNanos();
        while (!summaries.existsById(callId)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no summary for " + callId + " within " + LIMIT);
            }
            LockSupport.parkNanos(200_000);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }
}
