package io.earpiece.console.call;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.AudioMath;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spine end to end: sipp places a forked two-party call playing synth-call audio; the server answers,
 * records each party, segments and "transcribes" (replay recognizer) it, stores and announces the segments.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=46000", "earpiece.rtp.port-max=46999",
        "earpiece.rtp.media-timeout=10s",
        // ten calls at once, all transcribed live whatever the machine's default capacity (LiveAdmissionIT)
        "earpiece.live.capacity=16",
        "earpiece.data-dir=target/it-data/live-call", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:livecall;DB_CLOSE_DELAY=-1"})
@Import(ReplayRecognizerConfig.class)
class LiveCallIT {

    static SynthCall call;

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @LocalServerPort
    int httpPort;


    @BeforeAll
    static void fixtures() throws Exception {
        call = SynthCall.generate("budget-freeze");
    }

    String token;

    String token() {
        if (token == null) {
            token = TestAuth.adminToken(httpPort);
        }
        return token;
    }

    WebTestClient http() {
        return TestAuth.as(httpPort, token());
    }

    List<CallViews.CallSummary> calls() {
        return http().get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void twoPartyCallIsRecordedSegmentedAndPushed() throws Exception {
        recognizer.use(call.reference());
        String conv = "it-" + UUID.randomUUID();
        ReferenceTranscript ref = call.reference();

        List<String> pushed = new CopyOnWriteArrayList<>();
        Disposable socket = null;
        try (SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", gateway.port(), 1)) {
            CallViews.CallSummary live = await().atMost(Duration.ofSeconds(20))
                    .until(() -> calls().stream().filter(c -> c.conversationId().startsWith(conv)).findFirst()
                            .orElse(null), c -> c != null && c.parties().size() == 2);
            socket = new ReactorNettyWebSocketClient().execute(
                    TestAuth.webSocket(httpPort, "/ws/events?call=" + live.id(), token()),
                    s -> s.receive().doOnNext(m -> pushed.add(m.getPayloadAsText())).then()).subscribe();
            sendGarbageRtp(live.parties().get(0).localPort(), 25);
            legs.awaitSuccess(Duration.ofSeconds((long) ref.duration_s() + 60));
        }

        CallViews.CallSummary ended = await().atMost(Duration.ofSeconds(30)).until(
                () -> calls().stream().filter(c -> c.conversationId().startsWith(conv)).findFirst().orElseThrow(),
                c -> c.status().equals("ENDED"));
        assertThat(ended.durationMs() / 1000.0).isCloseTo(ref.duration_s(), org.assertj.core.data.Offset.offset(0.5));

        CallViews.CallDetail detail = http().get().uri("/api/calls/" + ended.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        assertThat(detail.parties()).extracting(CallViews.PartyView::party).containsExactlyInAnyOrder("rep", "customer");
        long garbageDropped = 0;
        for (CallViews.PartyView p : detail.parties()) {
            int sent = AudioMath.pcapPackets(call.pcap(p.party()));
            assertThat(p.packetsReceived()).as("packets of %s", p.party()).isEqualTo(sent);
            assertThat(p.packetsLost()).isZero();
            garbageDropped += p.packetsDropped();

            byte[] wav = http().get().uri(p.recordingUrl()).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult().getResponseBody();
            Path file = Path.of("target/it-data/fetched-" + ended.id() + "-" + p.party() + ".wav");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, wav);
            double corr = AudioMath.maxNormalisedCorrelation(AudioMath.readWav(file), AudioMath.readWav(call.wav(p.party())), 1600);
            assertThat(corr).as("correlation of %s recording with its source", p.party()).isGreaterThanOrEqualTo(0.9);

            List<ReferenceTranscript.Utterance> expected = ref.of(p.party());
            List<CallViews.SegmentView> got = detail.segments().stream().filter(s -> s.party().equals(p.party())).toList();
            LiveSegments.assertCover(p.party(), got, expected, 300.0);
        }
        assertThat(garbageDropped).as("garbage RTP dropped and counted").isGreaterThanOrEqualTo(25);

        int segments = detail.segments().size();
        await().atMost(Duration.ofSeconds(10)).until(
                () -> pushed.stream().filter(m -> m.contains("\"type\":\"segment\"")).count() == segments);
        assertThat(pushed.stream().filter(m -> m.contains("\"type\":\"segment\"")).distinct().count()).isEqualTo(segments);
        assertProvisionalCardsSettled(pushed, detail);
        socket.dispose();

        String metrics = http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("earpiece_calls_started_total", "earpiece_segments_total",
                "earpiece_rtp_packets_dropped_total");
    }

    @Test
    void tenConcurrentCallsAllCompleteWithRecordingsAndEverySegment() throws Exception {
        recognizer.use(call.reference());
        String conv = "load-" + UUID.randomUUID();
        ReferenceTranscript ref = call.reference();
        try (SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", gateway.port(), 10)) {
            legs.awaitSuccess(Duration.ofSeconds((long) ref.duration_s() + 90));
        }
        List<CallViews.CallSummary> mine = await().atMost(Duration.ofSeconds(60)).until(
                () -> calls().stream().filter(c -> c.conversationId().startsWith(conv)).toList(),
                l -> l.size() == 10 && l.stream().allMatch(c -> c.status().equals("ENDED")));
        for (CallViews.CallSummary c : mine) {
            assertThat(c.parties()).hasSize(2);
            // a pause between sentences commits a segment, so a turn may come in several
            assertThat(c.segments()).as("segments of call %s", c.conversationId())
                    .isGreaterThanOrEqualTo(ref.utterances().size());
            for (CallViews.PartyView p : c.parties()) {
                http().get().uri(p.recordingUrl()).exchange().expectStatus().isOk();
                assertThat(p.packetsReceived()).isEqualTo(AudioMath.pcapPackets(call.pcap(p.party())));
            }
        }
    }

    /**
     * Cards that go up on the committed words of a sentence still being spoken are each settled by the segment's
     * final: confirmed by a stored card that replaces it, or withdrawn; every stored card is pushed once.
     */
    private static void assertProvisionalCardsSettled(List<String> pushed, CallViews.CallDetail detail) {
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("\"key\":\"([^\"]+)\"");
        List<String> provisional = new java.util.ArrayList<>();
        for (int i = 0; i < pushed.size(); i++) {
            String m = pushed.get(i);
            if (!m.contains("\"type\":\"card_provisional\"")) {
                continue;
            }
            java.util.regex.Matcher k = key.matcher(m);
            assertThat(k.find()).isTrue();
            String id = k.group(1);
            provisional.add(id);
            List<String> after = pushed.subList(i + 1, pushed.size());
            assertThat(after).as("provisional card %s is confirmed or withdrawn", id).anyMatch(n ->
                    (n.contains("\"type\":\"card\"") && n.contains("\"replaces\":\"" + id + "\""))
                            || (n.contains("\"type\":\"card_withdrawn\"") && n.contains("\"key\":\"" + id + "\"")));
        }
        // whether a card goes up early depends on partials, which a loaded machine drops first (LiveAssistTest
        // checks the rule itself); whatever went up must have been settled
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"id\":(\\d+)");
        List<String> cardIds = pushed.stream().filter(m -> m.contains("\"type\":\"card\"")).map(m -> {
            java.util.regex.Matcher k = id.matcher(m);
            return k.find() ? k.group(1) : m;
        }).toList();
        assertThat(cardIds).as("stored cards pushed once each").doesNotHaveDuplicates();
        assertThat(detail.cards().stream().map(c -> String.valueOf(c.id())).toList()).containsAll(cardIds);
    }

    private static void sendGarbageRtp(int port, int count) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            byte[] junk = "definitely not RTP".getBytes();
            for (int i = 0; i < count; i++) {
                s.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), port));
            }
        }
    }
}
