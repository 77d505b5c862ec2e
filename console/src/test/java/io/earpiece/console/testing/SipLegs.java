package io.earpiece.console.testing;

import io.earpiece.sip.testing.SippMessageTrace;
import io.earpiece.sip.testing.SippRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialer that forks conversations into a rep leg and a customer leg: two sipp processes started together,
 * each playing its party's pcap, {@code calls} conversations each, all at once.
 */
public final class SipLegs implements AutoCloseable {

    private final Map<String, SippRunner> runners;

    private SipLegs(Map<String, SippRunner> runners) {
        this.runners = runners;
    }

    public static SipLegs start(SynthCall call, String conversation, String host, int sipPort, int calls)
            throws IOException {
        return start(call, conversation, host, sipPort, calls, new String[0]);
    }

    /** As above, with more sipp arguments for both legs (e.g. {@code -t t1} for TCP). */
    public static SipLegs start(SynthCall call, String conversation, String host, int sipPort, int calls,
                                String... sippArgs) throws IOException {
        return startFrom("dialer", call, conversation, host, sipPort, calls, sippArgs);
    }

    /**
     * As above, the dialer calling from {@code sip:<caller>@…} (a phone number makes the call's customer known to a
     * CRM exporter).
     */
    public static SipLegs startFrom(String caller, SynthCall call, String conversation, String host, int sipPort,
                                    int calls, String... sippArgs) throws IOException {
        long durationMs = Math.round(call.reference().duration_s() * 1000);
        Map<String, SippRunner> runners = new LinkedHashMap<>();
        for (String party : List.of("rep", "customer")) {
            Path scenario = scenario(conversation, party, call.pcap(party), caller);
            runners.put(party, SippRunner.builder(scenario)
                    .remote(host, sipPort)
                    .localHost(host)
                    .mediaIp(host)
                    .mediaPort(SippRunner.evenFreeUdpPort(host))
                    .calls(calls).limit(calls).rate(calls).ratePeriodMs(1000)
                    .args("-d", String.valueOf(durationMs))
                    .args(sippArgs)
                    .timeout(Duration.ofMillis(durationMs).plusSeconds(90))
                    .start());
        }
        return new SipLegs(runners);
    }

    /** Waits for both sipp processes and asserts that every call of each succeeded. */
    public void awaitSuccess(Duration limit) {
        for (SippRunner r : runners.values()) {
            assertThat(r.awaitExit(limit)).as("sipp exit code (0: all calls succeeded): %s", r.command()).isZero();
        }
    }

    /**
     * When {@code party}'s sipp sent the ACK of each conversation (its {@code X-Earpiece-Conversation}), read from
     * sipp's message trace once it has exited: the scenario starts playing the pcap right after the ACK, so this is
     * when the leg's audio timeline starts.
     */
    public Map<String, Instant> ackTimes(String party) {
        Map<String, String> conversationOfCall = new HashMap<>();
        Map<String, Instant> out = new HashMap<>();
        for (SippMessageTrace.Message m : SippMessageTrace.parse(runners.get(party).file("messages.log"))) {
            if (!m.sent()) {
                continue;
            }
            if (m.method().equals("INVITE")) {
                conversationOfCall.put(m.header("Call-ID"), m.header("X-Earpiece-Conversation"));
            } else if (m.method().equals("ACK")) {
                String conversation = conversationOfCall.get(m.header("Call-ID"));
                if (conversation != null) {
                    out.putIfAbsent(conversation, m.at());
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        runners.values().forEach(SippRunner::close);
    }

    private static Path scenario(String conversation, String party, Path pcap, String caller) throws IOException {
        return SippRunner.editedScenario("/sipp/party-leg.xml", Path.of("target", "party-legs"),
                template -> template.replace("@CONV@", conversation).replace("@PARTY@", party)
                        .replace("@PCAP@", pcap.toAbsolutePath().toString())
                        .replace("<sip:dialer@", "<sip:" + caller + "@"));
    }
}
