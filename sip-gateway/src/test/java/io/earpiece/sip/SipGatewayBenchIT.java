package io.earpiece.sip;

import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * Load benchmark, run by bench/sip-calls (skipped unless -Dearpiece.bench=true): sipp places short calls at a
 * fixed rate and the INVITE-to-200 times it records are summarised into target/bench/sip-calls.txt.
 */
class SipGatewayBenchIT {
    private static final int CALLS = Integer.getInteger("earpiece.bench.calls", 400);
    private static final int RATE = Integer.getInteger("earpiece.bench.rate", 40);

    @Test
    void placesCallsAtAFixedRate() throws Exception {
        assumeTrue(Boolean.getBoolean("earpiece.bench"), "benchmark runs only with -Dearpiece.bench=true");
        RecordingController controller = new RecordingController();
        try (SipGateway gateway = new SipGateway(
                new SipGatewayConfig("127.0.0.1", 0, "udp", CALLS, null, "Earpiece-bench"), controller)) {
            gateway.start();
            long started = System.nanoTime();
            SippRunner sipp = SippRunner.builder(scenario("basic-call.xml"))
                    .remote("127.0.0.1", gateway.port())
                    .key("party", "customer").key("conversation", "bench")
                    .calls(CALLS).rate(RATE).limit(CALLS)
                    .traceMessages(false)
                    .args("-d", "500", "-trace_rtt", "-rtt_freq", "1")
                    .timeout(Duration.ofSeconds(120))
                    .start();
            int exit;
            try (sipp) {
                exit = sipp.awaitExit();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            await().atMost(Duration.ofSeconds(10)).until(() -> controller.ended.size() == controller.opened.size());

            List<Double> rtt = readRtt(sipp.file("_rtt.csv"));
            Collections.sort(rtt);
            String line = String.format(Locale.ROOT,
                    "p50_ms=%.2f p95_ms=%.2f max_ms=%.2f calls=%d failed=%d rate_cps=%d wall_s=%.1f",
                    percentile(rtt, 50), percentile(rtt, 95), rtt.isEmpty() ? 0 : rtt.get(rtt.size() - 1),
                    controller.ended.size(), CALLS - controller.established.size(), RATE, seconds);
            Path out = Path.of("target", "bench", "sip-calls.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, gateway.counters() + "\n" + line + "\n");
            assertThat(exit).isZero();
            assertThat(rtt).isNotEmpty();
        }
    }

    private static List<Double> readRtt(String csv) {
        List<Double> out = new ArrayList<>();
        for (String row : csv.split("\n")) {
            String[] f = row.trim().split(";");
            if (f.length >= 2 && !f[1].isEmpty() && Character.isDigit(f[1].charAt(0))) {
                out.add(Double.parseDouble(f[1]));
            }
        }
        return out;
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static Path scenario(String name) throws URISyntaxException {
        return Path.of(SipGatewayBenchIT.class.getResource("/sipp/" + name).toURI());
    }
}
