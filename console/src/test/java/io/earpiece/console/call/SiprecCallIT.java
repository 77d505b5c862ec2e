package io.earpiece.console.call;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.call.CallEventsEndpoint.CallEventView;
import io.earpiece.console.testing.AudioMath;
import io.earpiece.console.testing.BridgeMeeting;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.PcapRtpSender;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SrtpPhone;
import io.earpiece.console.testing.SrtpRecordingClient;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.media.srtp.SrtpSuite;
import java.util.concurrent.CompletableFuture;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.testing.SippMessageTrace;
import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A SIPREC recording session from a real SIP peer: sipp as an Oracle SBC sends the recording INVITE (two sendonly
 * m-lines and rs-metadata), plays the customer's audio on label 1 while the test sends the rep's on label 2, pauses
 * the recording with a re-INVITE to {@code inactive}, resumes it with new metadata, and hangs up. The rep is the
 * participant that is an Earpiece user, although {@code earpiece.siprec.rep-side=caller} would make the customer
 * (the caller) the rep otherwise. The call must be listed with both parties while it is up (the INVITE-to-listed
 * time is printed), and end recorded, transcribed with the right speakers, with the pause and resume stored, and
 * summarised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47600", "earpiece.rtp.port-max=47699",
        "earpiece.rtp.media-timeout=10s", "earpiece.siprec.rep-side=caller",
        "earpiece.data-dir=target/it-data/siprec", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:siprec;DB_CLOSE_DELAY=-1"})
@Import(ReplayRecognizerConfig.class)
class SiprecCallIT {
    private static final Path SCENARIOS = Path.of("target", "siprec-scenarios");

    static SynthCall call;

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @LocalServerPort
    int httpPort;


    @BeforeAll
    static void fixtures() throws Exception {
        call = SynthCall.generate("chorus-comparison");
    }

    @Test
    void aRecordedCallBecomesACallWithRepAndCustomerTranscribedPausedResumedAndSummarised() throws Exception {
        ReferenceTranscript ref = call.reference();
        recognizer.use(ref);
        long durationMs = Math.round(ref.duration_s() * 1000);
        String customer = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String agent = "agent" + ThreadLocalRandom.current().nextInt(1000, 9999);
        TestAuth.user(httpPort, agent, "REP", null, agent, null);
        WebTestClient admin = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));

        String sipCallId;
        try (DatagramSocket repSocket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Path scenario = SippRunner.editedScenario("/sipp/siprec-call.xml", SCENARIOS, s -> s
                    .replace("@CUSTOMER@", customer).replace("@REP@", agent)
                    .replace("@REPPORT@", Integer.toString(repSocket.getLocalPort()))
                    .replace("@PCAP@", call.pcap("customer").toAbsolutePath().toString()));
            CallViews.CallSummary listed;
            Instant seen;
            PcapRtpSender rep;
            try (SippRunner src = SippRunner.builder(scenario).remote("127.0.0.1", gateway.port())
                    .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).args("-d", String.valueOf(durationMs + 500))
                    .timeout(Duration.ofMillis(durationMs).plusSeconds(60)).start()) {
                listed = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                        .until(() -> mine(admin, customer), c -> c != null && c.parties().size() == 2);
                seen = Instant.now();
                CallViews.PartyView repParty = listed.parties().stream().filter(p -> p.party().equals("rep"))
                        .findFirst().orElseThrow();
                rep = PcapRtpSender.start(call.pcap("rep"), repSocket,
                        new InetSocketAddress("127.0.0.1", repParty.localPort()));
                assertThat(src.awaitExit()).as("sipp (recording client) exit code").isZero();
                rep.await();
                List<SippMessageTrace.Message> trace = SippMessageTrace.parse(src.file("messages.log"));
                SippMessageTrace.Message first = trace.stream()
                        .filter(m -> m.sent() && m.method().equals("INVITE")).findFirst().orElseThrow();
                Instant ok = trace.stream().filter(m -> !m.sent() && m.text().startsWith("SIP/2.0 200"))
                        .findFirst().orElseThrow().at();
                sipCallId = first.header("Call-ID");
                // Figures, not assertions: on a shared machine the stack's own receive time varies by seconds.
                System.out.println("siprec_invite_to_200_ms=" + Duration.between(first.at(), ok).toMillis()
                        + " siprec_listed_after_ms=" + Duration.between(first.at(), seen).toMillis());
            }
            assertThat(listed.from()).as("caller").isEqualTo("sip:" + customer + "@carrier.example");
            assertThat(listed.to()).as("callee").isEqualTo("sip:" + agent + "@pbx.example");
            assertThat(listed.parties()).extracting(CallViews.PartyView::party)
                    .containsExactlyInAnyOrder("rep", "customer");
            assertThat(rep.sent()).isEqualTo(AudioMath.pcapPackets(call.pcap("rep")));
        }

        CallViews.CallSummary ended = await().atMost(Duration.ofSeconds(60))
                .until(() -> mine(admin, customer), c -> c.status().equals("ENDED"));
        assertThat(ended.endReason()).isEqualTo("REMOTE_BYE");
        CallViews.CallDetail detail = admin.get().uri("/api/calls/" + ended.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        assertThat(detail.parties()).as("clear RTP over UDP").allSatisfy(p -> {
            assertThat(p.srtp()).isFalse();
            assertThat(p.sipTransport()).isEqualTo("udp");
        });
        for (CallViews.PartyView p : detail.parties()) {
            int sent = AudioMath.pcapPackets(call.pcap(p.party()));
            assertThat(p.packetsReceived()).as("packets of %s recorded", p.party()).isEqualTo(sent);
            byte[] wav = admin.get().uri(p.recordingUrl()).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult().getResponseBody();
            Path file = Path.of("target/it-data/siprec-" + ended.id() + "-" + p.party() + ".wav");
            Files.createDirectories(file.getParent());
            Files.write(file, wav);
            assertThat(AudioMath.maxNormalisedCorrelation(AudioMath.readWav(file), AudioMath.readWav(call.wav(p.party())),
                    1600)).as("correlation of %s's recording with its source", p.party()).isGreaterThanOrEqualTo(0.9);
            LiveSegments.assertCover(p.party(), detail.segments().stream().filter(s -> s.party().equals(p.party()))
                    .toList(), ref.of(p.party()), 300.0);
        }
        List<CallEventView> events = admin.get().uri("/api/calls/" + ended.id() + "/events").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<CallEventView>>() { })
                .returnResult().getResponseBody();
        assertThat(events).extracting(e -> e.kind() + ":" + e.party())
                .containsExactlyInAnyOrder("hold:customer", "hold:rep", "resume:customer", "resume:rep");
        CallRecordingEndpoint.RecordingView recording = admin.get().uri("/api/calls/" + ended.id() + "/recording")
                .exchange().expectStatus().isOk().expectBody(CallRecordingEndpoint.RecordingView.class).returnResult()
                .getResponseBody();
        assertThat(recording.recordingSessionId()).isEqualTo("rs-" + sipCallId);
        assertThat(recording.participants()).containsExactly(
                new CallRecordingEndpoint.ParticipantView("Customer (resumed)", "sip:" + customer + "@carrier.example",
                        customer, "caller", List.of("1"), "customer"),
                new CallRecordingEndpoint.ParticipantView("Rep", "sip:" + agent + "@pbx.example", null, "callee",
                        List.of("2"), "rep"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin.get()
                .uri("/api/calls/" + ended.id() + "/summary").exchange().expectStatus().isOk());
        // the recording client's name for the customer names that party; its "Rep" is a role, not a name
        assertThat(admin.get().uri("/api/calls/" + ended.id() + "/names").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody()).extracting(n -> n.get("party") + "=" + n.get("name") + "/" + n.get("source"))
                .contains("customer=Customer (resumed)/recording")
                .noneMatch(n -> n.startsWith("rep=") && n.endsWith("/recording"));
        assertThat(TestAuth.asUser(httpPort, agent).get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { }).returnResult()
                .getResponseBody()).as("the rep's own call list").extracting(CallViews.CallSummary::id)
                .contains(ended.id());
    }

    /**
     * SRTP on a recording session with three participants on separate streams: each stream offered as RTP/SAVP with
     * its own SDES key gets a key of Earpiece's in the answer; the third (a second caller-side participant) becomes the
     * customer's second stream, and every recording, decrypted, matches its source audio.
     */
    @Test
    void srtpStreamsAreDecryptedRecordedAndLabelledAThirdAsTheCustomersSecondStream() throws Exception {
        ReferenceTranscript ref = call.reference();
        recognizer.use(ref);
        String customer = "1666" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String agent = "srtpagent" + ThreadLocalRandom.current().nextInt(1000, 9999);
        TestAuth.user(httpPort, agent, "REP", null, agent, null);
        WebTestClient admin = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
        try (SrtpRecordingClient src = new SrtpRecordingClient(gateway.port())) {
            assertThat(src.start(SrtpSuite.AES_CM_128_HMAC_SHA1_80, List.of(
                    new SrtpRecordingClient.Sender("1", "sip:" + customer + "@carrier.example", "Customer", true),
                    new SrtpRecordingClient.Sender("2", "sip:" + agent + "@pbx.example", "Rep", false),
                    new SrtpRecordingClient.Sender("3", "sip:" + customer + "0@carrier.example", "Colleague", true))))
                    .isEqualTo(200);
            for (String label : List.of("1", "2", "3")) {
                assertThat(src.answerProfile(label)).isEqualTo("RTP/SAVP");
                assertThat(src.answeredCrypto(label)).as("Earpiece's key for stream %s", label).isNotNull();
                assertThat(src.answeredCrypto(label).keySalt()).hasSize(30);
            }
            CompletableFuture<Void> customerPlays = CompletableFuture.runAsync(() -> {
                try {
                    src.play("1", SrtpPhone.rtpPackets(call.pcap("customer")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<Void> colleaguePlays = CompletableFuture.runAsync(() -> {
                try {
                    src.play("3", SrtpPhone.rtpPackets(call.pcap("customer")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            src.play("2", SrtpPhone.rtpPackets(call.pcap("rep")));
            customerPlays.join();
            colleaguePlays.join();
            assertThat(src.stop()).isEqualTo(200);
        }
        CallViews.CallSummary ended = await().atMost(Duration.ofSeconds(60))
                .until(() -> mine(admin, customer), c -> c != null && c.status().equals("ENDED"));
        CallViews.CallDetail detail = admin.get().uri("/api/calls/" + ended.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        assertThat(detail.parties()).extracting(CallViews.PartyView::party)
                .containsExactlyInAnyOrder("rep", "customer", "customer-2");
        assertThat(detail.parties()).as("every stream shown as SRTP, signalled over UDP").allSatisfy(p -> {
            assertThat(p.srtp()).isTrue();
            assertThat(p.sipTransport()).isEqualTo("udp");
        });
        for (CallViews.PartyView p : detail.parties()) {
            // The colleague replays the customer's audio.
            String source = p.party().equals("customer-2") ? "customer" : p.party();
            assertThat(p.packetsReceived()).as("decrypted packets of %s", p.party())
                    .isEqualTo(AudioMath.pcapPackets(call.pcap(source)));
            byte[] wav = admin.get().uri(p.recordingUrl()).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult().getResponseBody();
            Path file = Path.of("target/it-data/siprec-srtp-" + ended.id() + "-" + p.party() + ".wav");
            Files.createDirectories(file.getParent());
            Files.write(file, wav);
            double correlation = AudioMath.maxNormalisedCorrelation(AudioMath.readWav(file),
                    AudioMath.readWav(call.wav(source)), 1600);
            System.out.println("siprec_srtp_correlation_" + p.party() + "=" + correlation);
            assertThat(correlation).as("correlation of %s's decrypted recording with its source", p.party())
                    .isGreaterThanOrEqualTo(0.9);
        }
        CallRecordingEndpoint.RecordingView recording = admin.get().uri("/api/calls/" + ended.id() + "/recording")
                .exchange().expectStatus().isOk().expectBody(CallRecordingEndpoint.RecordingView.class).returnResult()
                .getResponseBody();
        assertThat(recording.participants()).extracting(CallRecordingEndpoint.ParticipantView::name,
                CallRecordingEndpoint.ParticipantView::party).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Customer", "customer"),
                org.assertj.core.groups.Tuple.tuple("Rep", "rep"),
                org.assertj.core.groups.Tuple.tuple("Colleague", "customer-2"));
    }

    /**
     * A second vendor's format end to end: sipp as a Cisco CUBE (its headers, an SDP part with a session disposition,
     * RFC 7865 metadata with participantstreamassoc send/recv and no caller/callee roles) plays the customer's audio
     * on the first stream while the test sends the rep's on the second. The participant that is an Earpiece user is
     * the rep (stream order alone, with rep-side=caller, would have made the first stream the rep).
     */
    @Test
    void aCiscoCubeSessionIsRecordedWithAudioOnBothStreamsTranscribedAndSummarised() throws Exception {
        ReferenceTranscript ref = call.reference();
        recognizer.use(ref);
        long durationMs = Math.round(ref.duration_s() * 1000);
        String customer = "1777" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String agent = "cube" + ThreadLocalRandom.current().nextInt(1000, 9999);
        TestAuth.user(httpPort, agent, "REP", null, agent, null);
        WebTestClient admin = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
        try (DatagramSocket repSocket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Path scenario = SippRunner.editedScenario("/sipp/siprec-cube.xml", SCENARIOS, s -> s
                    .replace("@CUSTOMER@", customer).replace("@REP@", agent)
                    .replace("@REPPORT@", Integer.toString(repSocket.getLocalPort()))
                    .replace("@PCAP@", call.pcap("customer").toAbsolutePath().toString()));
            try (SippRunner src = SippRunner.builder(scenario).remote("127.0.0.1", gateway.port())
                    .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).args("-d", String.valueOf(durationMs + 500))
                    .timeout(Duration.ofMillis(durationMs).plusSeconds(60)).start()) {
                CallViews.CallSummary listed = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                        .until(() -> mine(admin, customer), c -> c != null && c.parties().size() == 2);
                CallViews.PartyView repParty = listed.parties().stream().filter(p -> p.party().equals("rep"))
                        .findFirst().orElseThrow();
                PcapRtpSender rep = PcapRtpSender.start(call.pcap("rep"), repSocket,
                        new InetSocketAddress("127.0.0.1", repParty.localPort()));
                assertThat(src.awaitExit()).as("sipp (CUBE) exit code").isZero();
                rep.await();
            }
        }
        CallViews.CallSummary ended = await().atMost(Duration.ofSeconds(60))
                .until(() -> mine(admin, customer), c -> c.status().equals("ENDED"));
        assertThat(ended.endReason()).isEqualTo("REMOTE_BYE");
        assertThat(ended.from()).as("first participant taken as the caller").isEqualTo("sip:" + customer + "@10.0.0.71");
        assertThat(ended.to()).isEqualTo("sip:" + agent + "@10.0.0.71");
        CallViews.CallDetail detail = admin.get().uri("/api/calls/" + ended.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        assertThat(detail.parties()).extracting(CallViews.PartyView::party).containsExactlyInAnyOrder("rep", "customer");
        for (CallViews.PartyView p : detail.parties()) {
            assertThat(p.packetsReceived()).as("packets of %s recorded", p.party())
                    .isEqualTo(AudioMath.pcapPackets(call.pcap(p.party())));
            double correlation = correlation(admin, p, "cube-" + ended.id(), call.wav(p.party()));
            System.out.println("siprec_cube_correlation_" + p.party() + "=" + correlation);
            assertThat(correlation).as("correlation of %s's recording with its source", p.party())
                    .isGreaterThanOrEqualTo(0.9);
            LiveSegments.assertCover(p.party(), detail.segments().stream().filter(s -> s.party().equals(p.party()))
                    .toList(), ref.of(p.party()), 300.0);
        }
        CallRecordingEndpoint.RecordingView recording = admin.get().uri("/api/calls/" + ended.id() + "/recording")
                .exchange().expectStatus().isOk().expectBody(CallRecordingEndpoint.RecordingView.class).returnResult()
                .getResponseBody();
        assertThat(recording.participants()).extracting(CallRecordingEndpoint.ParticipantView::aor,
                CallRecordingEndpoint.ParticipantView::party).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sip:" + customer + "@10.0.0.71", "customer"),
                org.assertj.core.groups.Tuple.tuple("sip:" + agent + "@10.0.0.71", "rep"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin.get()
                .uri("/api/calls/" + ended.id() + "/summary").exchange().expectStatus().isOk());
    }

    /**
     * Both voices on one stream (sipp as Cisco BroadWorks: draft-era recording_metadata, one m-line with mode mixed,
     * the call type naming caller and callee) become one {@code mixed} party: recorded from the mono mix, transcribed
     * in order under that party, and summarised.
     */
    @Test
    void aBroadWorksSessionWithBothVoicesOnOneStreamIsOneMixedPartyTranscribedAndSummarised() throws Exception {
        ReferenceTranscript ref = call.reference();
        List<ReferenceTranscript.Utterance> spoken = ref.utterances().stream()
                .map(u -> new ReferenceTranscript.Utterance("mixed", u.text(), u.tags(), u.start(), u.end())).toList();
        recognizer.use(new ReferenceTranscript(ref.title(), ref.type(), ref.duration_s(), spoken));
        Path mix = BridgeMeeting.monoPcap(call);
        long durationMs = Math.round(ref.duration_s() * 1000);
        String customer = "1888" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String agent = "bw" + ThreadLocalRandom.current().nextInt(1000, 9999);
        TestAuth.user(httpPort, agent, "REP", null, agent, null);
        WebTestClient admin = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
        Path scenario = SippRunner.editedScenario("/sipp/siprec-broadworks.xml", SCENARIOS, s -> s
                .replace("@CUSTOMER@", customer).replace("@REP@", agent)
                .replace("@PCAP@", mix.toAbsolutePath().toString()));
        try (SippRunner src = SippRunner.builder(scenario).remote("127.0.0.1", gateway.port())
                .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).args("-d", String.valueOf(durationMs + 500))
                .timeout(Duration.ofMillis(durationMs).plusSeconds(60)).start()) {
            CallViews.CallSummary listed = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> mine(admin, customer), c -> c != null && !c.parties().isEmpty());
            assertThat(listed.parties()).extracting(CallViews.PartyView::party).containsExactly("mixed");
            assertThat(src.awaitExit()).as("sipp (BroadWorks) exit code").isZero();
        }
        CallViews.CallSummary ended = await().atMost(Duration.ofSeconds(60))
                .until(() -> mine(admin, customer), c -> c.status().equals("ENDED"));
        assertThat(ended.endReason()).isEqualTo("REMOTE_BYE");
        assertThat(ended.from()).as("BroadWorks' callingPartyNumber").contains(customer);
        assertThat(ended.to()).as("BroadWorks' calledPartyNumber").contains(agent);
        CallViews.CallDetail detail = admin.get().uri("/api/calls/" + ended.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        CallViews.PartyView mixed = detail.parties().stream().filter(p -> p.party().equals("mixed")).findFirst()
                .orElseThrow();
        assertThat(detail.parties()).hasSize(1);
        assertThat(mixed.packetsReceived()).isEqualTo(AudioMath.pcapPackets(mix));
        double correlation = correlation(admin, mixed, "bw-" + ended.id(),
                call.dir().resolve(call.name() + ".mono.wav"));
        System.out.println("siprec_broadworks_mixed_correlation=" + correlation);
        assertThat(correlation).as("correlation of the mixed recording with the mono mix").isGreaterThanOrEqualTo(0.9);
        // Both voices, in call order, under the one party.
        String text = String.join(" ", detail.segments().stream().map(CallViews.SegmentView::text).toList());
        assertThat(detail.segments()).extracting(CallViews.SegmentView::party).containsOnly("mixed");
        int at = 0;
        for (ReferenceTranscript.Utterance u : spoken) {
            int found = text.indexOf(u.text(), at);
            assertThat(found).as("utterance in order: %s", u.text()).isGreaterThanOrEqualTo(0);
            at = found + u.text().length();
        }
        CallRecordingEndpoint.RecordingView recording = admin.get().uri("/api/calls/" + ended.id() + "/recording")
                .exchange().expectStatus().isOk().expectBody(CallRecordingEndpoint.RecordingView.class).returnResult()
                .getResponseBody();
        assertThat(recording.participants()).extracting(CallRecordingEndpoint.ParticipantView::aor)
                .containsExactlyInAnyOrder("sip:" + agent, "sip:+" + customer + "@broadworks.example;user=phone");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin.get()
                .uri("/api/calls/" + ended.id() + "/summary").exchange().expectStatus().isOk());
    }

    private static double correlation(WebTestClient http, CallViews.PartyView p, String name, Path source)
            throws Exception {
        byte[] wav = http.get().uri(p.recordingUrl()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        Path file = Path.of("target/it-data/siprec-" + name + "-" + p.party() + ".wav");
        Files.createDirectories(file.getParent());
        Files.write(file, wav);
        return AudioMath.maxNormalisedCorrelation(AudioMath.readWav(file), AudioMath.readWav(source), 1600);
    }

    /** The newest calls only: polled every 20 ms, the list must stay cheap. */
    private static CallViews.CallSummary mine(WebTestClient http, String customer) {
        return http.get().uri("/api/calls?size=5").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody().stream()
                .filter(c -> c.from() != null && c.from().contains(customer)).findFirst().orElse(null);
    }
}
