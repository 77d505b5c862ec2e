package io.earpiece.console.testing;

import io.earpiece.sip.testing.SippRunner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialer that forks conversations into a rep leg and a customer leg: two sipp processes started together,
 * each playing its party's pcap, {@code calls} conversations each, all at once.
 */
public final class SipLegs implements AutoCloseable {

    private final List<SippRunner> runners;

    private SipLegs(List<SippRunner> runners) {
        this.runners = runners;
    }

    public static SipLegs start(SynthCall call, String conversation, String host, int sipPort, int calls)
            throws IOException {
        long durationMs = Math.round(call.reference().duration_s() * 1000);
        List<SippRunner> runners = new ArrayList<>();
        for (String party : List.of("rep", "customer")) {
            Path scenario = scenario(conversation, party, call.pcap(party));
            runners.add(SippRunner.builder(scenario)
                    .remote(host, sipPort)
                    .localHost(host)
                    .mediaIp(host)
                    .mediaPort(evenFreePort(host))
                    .calls(calls).limit(calls).rate(calls).ratePeriodMs(1000)
                    .args("-d", String.valueOf(durationMs))
                    .timeout(Duration.ofMillis(durationMs).plusSeconds(90))
                    .start());
        }
        return new SipLegs(runners);
    }

    /** Waits for both sipp processes and asserts that every call of each succeeded. */
    public void awaitSuccess(Duration limit) {
        for (SippRunner r : runners) {
            assertThat(r.awaitExit(limit)).as("sipp exit code (0: all calls succeeded): %s", r.command()).isZero();
        }
    }

    @Override
    public void close() {
        runners.forEach(SippRunner::close);
    }

    private static Path scenario(String conversation, String party, Path pcap) throws IOException {
        String template;
        try (InputStream in = SipLegs.class.getResourceAsStream("/sipp/party-leg.xml")) {
            template = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Path file = Files.createTempFile(Path.of("target"), "leg-" + party + "-", ".xml");
        Files.writeString(file, template.replace("@CONV@", conversation).replace("@PARTY@", party)
                .replace("@PCAP@", pcap.toAbsolutePath().toString()), StandardCharsets.ISO_8859_1);
        return file;
    }

    /** sipp uses the media port and the next ones; pick an even free one with room above it. */
    private static int evenFreePort(String host) {
        for (int i = 0; i < 50; i++) {
            int p = SippRunner.freeUdpPort(host);
            if (p % 2 == 0 && p < 65000) {
                return p;
            }
        }
        return SippRunner.freeUdpPort(host) & ~1;
    }
}
