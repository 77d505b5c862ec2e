package io.earpiece.console.testing;

import io.earpiece.sip.testing.SippRunner;

import java.io.IOException;
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
                    .mediaPort(SippRunner.evenFreeUdpPort(host))
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
        return SippRunner.editedScenario("/sipp/party-leg.xml", Path.of("target", "party-legs"),
                template -> template.replace("@CONV@", conversation).replace("@PARTY@", party)
                        .replace("@PCAP@", pcap.toAbsolutePath().toString()));
    }
}
