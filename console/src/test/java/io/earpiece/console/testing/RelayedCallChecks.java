package io.earpiece.console.testing;

import io.earpiece.console.api.CallViews;
import io.earpiece.console.telephony.AdminViews;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.trunk.KamailioCarrier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call relayed by the B2BUA between a rep's device and a customer, each side a sipp playing its party's synth-call
 * audio: the sipp scenarios, and the checks that the relay carried each side's RTP to the other and that each party
 * was recorded (correlating with its source) and transcribed. Asked of the node that relayed the call.
 */
public final class RelayedCallChecks {

    private final WebTestClient admin;
    private final SynthCall call;
    private final Duration wait;

    /** @param admin an admin's client of the node that relayed the call */
    public RelayedCallChecks(WebTestClient admin, SynthCall call, Duration wait) {
        this.admin = admin;
        this.call = call;
        this.wait = wait;
    }

    /** A sipp scenario of sip-gateway's test-jar ({@code answer} or {@code rep-call}) that also plays {@code pcap}. */
    public static Path scenario(String name, Path pcap, Path dir) throws IOException {
        String play = "<nop><action><exec play_pcap_audio=\"" + pcap.toAbsolutePath() + "\"/></action></nop>";
        Path file = SippRunner.editedScenario("/sipp/b2bua/" + name + ".xml", dir, s -> name.equals("answer")
                ? s.replace("<recv request=\"ACK\" crlf=\"true\"/>", "<recv request=\"ACK\" crlf=\"true\"/>\n" + play)
                : s.replace("<pause/>", play + "\n<pause/>"));
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("scenario %s plays the audio", name)
                .contains("play_pcap_audio");
        return file;
    }

    /**
     * The customer (sipp behind the Kamailio {@code carrier}, authenticating there) calls the rep's DID while the rep's
     * registered phone, sipp at {@code repHost:repPort}, answers; each plays its party's audio, the customer hangs up.
     * Both sipps must pass.
     *
     * @param earpieceSipPort the SIP port of the node the phone registered through (its scenario's remote side)
     */
    public void customerCallsTheRepsDid(KamailioRunner carrier, String repHost, int repPort, int earpieceSipPort,
                                        Path dir) throws IOException {
        long durationMs = Math.round(call.reference().duration_s() * 1000);
        try (SippRunner repPhone = SippRunner.builder(scenario("answer", call.pcap("rep"), dir))
                .remote("127.0.0.1", earpieceSipPort).localHost(repHost).localPort(repPort).mediaIp(repHost)
                .mediaPort(SippRunner.evenFreeUdpPort(repHost)).timeout(wait.plusMillis(durationMs)).start()) {
            int customer = SippRunner.builder(scenario("rep-call", call.pcap("customer"), dir))
                    .remote("127.0.0.1", carrier.port()).mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1"))
                    .timeout(wait.plusMillis(durationMs))
                    .key("user", KamailioCarrier.CUSTOMER_USER).key("dialed", KamailioCarrier.DID)
                    .args("-au", KamailioCarrier.CUSTOMER_USER, "-ap", KamailioCarrier.CUSTOMER_PASSWORD,
                            "-d", String.valueOf(durationMs + 1500)).run();
            if (customer != 0) {
                carrier.dumpLog();
            }
            assertThat(customer).as("customer's sipp exit code").isZero();
            assertThat(repPhone.awaitExit()).as("rep phone's sipp exit code").isZero();
        }
    }

    /** The first ended call detail record of this direction ({@code INBOUND}, {@code OUTBOUND}). */
    public AdminViews.CallDetailView endedCall(String direction) {
        return await().atMost(wait).until(() -> endedCalls(direction), l -> !l.isEmpty()).get(0);
    }

    /** The newest ended call detail record of this direction once there are more than {@code before} of them. */
    public AdminViews.CallDetailView endedCallAfter(String direction, int before) {
        return await().atMost(wait).until(() -> endedCalls(direction), l -> l.size() > before).get(0);
    }

    /** The ended call detail records of this direction, newest first. */
    public List<AdminViews.CallDetailView> endedCalls(String direction) {
        return admin.get().uri("/api/admin/call-details?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<AdminViews.CallDetailView>>() { })
                .returnResult().getResponseBody().stream()
                .filter(d -> d.direction().equals(direction) && d.endedAt() != null).toList();
    }

    /** Checks the relay carried each side's RTP to the other and that each party was recorded and transcribed. */
    public CallViews.CallDetail assertRelayedAndTranscribed(AdminViews.CallDetailView cdr, String rep, String trunkId)
            throws IOException {
        assertThat(cdr.rep()).isEqualTo(rep);
        assertThat(cdr.trunkId()).isEqualTo(trunkId);
        assertThat(cdr.disposition()).isEqualTo("ANSWERED");
        assertThat(cdr.finalStatus()).isEqualTo(200);
        assertThat(cdr.answeredAt()).isAfterOrEqualTo(cdr.startedAt());
        assertThat(cdr.endedAt()).isAfterOrEqualTo(cdr.answeredAt());
        int repSent = AudioMath.pcapPackets(call.pcap("rep"));
        int customerSent = AudioMath.pcapPackets(call.pcap("customer"));
        assertThat(cdr.repPacketsForwarded()).as("rep's RTP relayed to the customer")
                .isBetween((long) (repSent * 0.99), (long) repSent);
        assertThat(cdr.customerPacketsForwarded()).as("customer's RTP relayed to the rep")
                .isBetween((long) (customerSent * 0.99), (long) customerSent);

        CallViews.CallSummary summary = await().atMost(wait).until(() -> admin.get().uri("/api/calls?size=100")
                        .exchange().expectStatus().isOk()
                        .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                        .returnResult().getResponseBody().stream()
                        .filter(c -> c.conversationId().equals(cdr.conversationId())).findFirst().orElse(null),
                c -> c != null && c.status().equals("ENDED"));
        CallViews.CallDetail detail = admin.get().uri("/api/calls/" + summary.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        assertThat(detail.parties()).extracting(CallViews.PartyView::party)
                .containsExactlyInAnyOrder("rep", "customer");
        assertThat(detail.parties()).as("each relayed leg: SIP over UDP, clear RTP").allSatisfy(p -> {
            assertThat(p.sipTransport()).isEqualTo("udp");
            assertThat(p.srtp()).isFalse();
        });
        ReferenceTranscript ref = call.reference();
        for (CallViews.PartyView p : detail.parties()) {
            int sent = AudioMath.pcapPackets(call.pcap(p.party()));
            assertThat(p.packetsReceived()).as("packets of %s tapped", p.party()).isEqualTo(sent);

            byte[] wav = admin.get().uri(p.recordingUrl()).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult().getResponseBody();
            Path file = Path.of("target/it-data/relayed-" + summary.id() + "-" + p.party() + ".wav");
            Files.createDirectories(file.getParent());
            Files.write(file, wav);
            double corr = AudioMath.maxNormalisedCorrelation(AudioMath.readWav(file),
                    AudioMath.readWav(call.wav(p.party())), 1600);
            assertThat(corr).as("correlation of %s's tap recording with its source", p.party())
                    .isGreaterThanOrEqualTo(0.9);

            List<ReferenceTranscript.Utterance> expected = ref.of(p.party());
            List<CallViews.SegmentView> got = detail.segments().stream()
                    .filter(s -> s.party().equals(p.party())).toList();
            LiveSegments.assertCover(p.party(), got, expected, 300.0);
        }
        return detail;
    }
}
