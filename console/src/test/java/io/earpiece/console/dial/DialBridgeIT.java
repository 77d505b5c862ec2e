package io.earpiece.console.dial;

import io.earpiece.console.api.CallViews;
import io.earpiece.console.call.CallEventsEndpoint;
import io.earpiece.console.testing.BridgeMeeting;
import io.earpiece.console.testing.DtmfCollector;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inviting Earpiece to a meeting, end to end: sipp is a conference bridge (reached as the trunk) that answers, plays
 * its prompt, then a pause, then the meeting; its SDP names the test's {@link DtmfCollector} as its media address,
 * which sees exactly what Earpiece sends. Earpiece must enter the PIN and # as RFC 4733 events after the prompt
 * and before the meeting, then transcribe the meeting as one mixed party until the bridge hangs up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47500", "earpiece.rtp.port-max=47599",
        "earpiece.rtp.media-timeout=10s",
        "earpiece.data-dir=target/it-data/dial-bridge", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.secret-key=" + DialBridgeIT.SECRET_KEY,
        "spring.datasource.url=jdbc:h2:mem:dialbridge;DB_CLOSE_DELAY=-1"})
@Import(ReplayRecognizerConfig.class)
class DialBridgeIT {
    static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double PAUSE_S = 4.0;
    private static final String PIN = "482193";
    private static final Set<String> PROVISIONED = ConcurrentHashMap.newKeySet();

    static BridgeMeeting meeting;

    @Autowired
    ReplaySpeechRecognizer recognizer;
    @LocalServerPort
    int httpPort;
    int bridgePort;

    @BeforeAll
    static void fixtures() throws Exception {
        meeting = BridgeMeeting.build(SynthCall.generate("chorus-comparison"), PAUSE_S);
    }

    WebTestClient admin() {
        return TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
    }

    @BeforeEach
    void provision() {
        recognizer.use(meeting.reference());
        bridgePort = PORTS.computeIfAbsent(httpPort, p -> SippRunner.freeUdpPort("127.0.0.1"));
        if (!PROVISIONED.add(String.valueOf(httpPort))) {
            return;
        }
        // The bridge's provider as the trunk: IP-authenticated, no registration.
        admin().post().uri("/api/admin/trunks").bodyValue(Map.of("id", "bridges", "host", "127.0.0.1",
                        "port", bridgePort, "username", "earpiece", "callerId", "4930555",
                        "codecs", List.of("PCMU"), "registerIntervalSeconds", 0))
                .exchange().expectStatus().isCreated();
        TestAuth.user(httpPort, "meg", "REP", null, "meg", null);
        TestAuth.user(httpPort, "otto", "REP", null, null, null);
    }

    private static final Map<Integer, Integer> PORTS = new ConcurrentHashMap<>();

    private static Path scenario(String name) {
        try {
            return Path.of(DialBridgeIT.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dialsTheBridgeEntersThePinAfterThePromptAndTranscribesTheMeeting() throws Exception {
        long meetingMs = Math.round(meeting.durationS() * 1000) + 500;
        try (DtmfCollector ear = new DtmfCollector("127.0.0.1", 101);
             SippRunner bridge = SippRunner.builder(scenario("bridge.xml")).localPort(bridgePort)
                     .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1"))
                     .key("dtmf_port", String.valueOf(ear.port())).key("te_pt", "101")
                     .key("pcap", meeting.pcap().toString()).args("-d", String.valueOf(meetingMs))
                     .args("-m", "1").timeout(Duration.ofMillis(meetingMs).plus(WAIT)).start()) {
            WebTestClient meg = TestAuth.asUser(httpPort, "meg");
            Instant requested = Instant.now();
            DialView dialled = meg.post().uri("/api/calls/dial").bodyValue(Map.of("number", "+1 (555) 010-2000",
                            "pin", PIN + "#", "title", "Quarterly review with Acme"))
                    .exchange().expectStatus().isAccepted().expectBody(DialView.class).returnResult().getResponseBody();
            assertThat(dialled.callId()).isNotNull();
            assertThat(dialled.rep()).isEqualTo("meg");
            assertThat(dialled.number()).isEqualTo("+15550102000");

            DialView joined = await().atMost(WAIT).until(() -> show(meg, dialled.callId()),
                    v -> v.state().equals("JOINED"));
            assertThat(joined.dtmf()).isEqualTo("rfc4733");
            assertThat(joined.reason()).isEqualTo("PIN entered");
            await().atMost(Duration.ofSeconds(5)).until(() -> ear.digitString().length() == PIN.length() + 1);
            assertThat(ear.digitString()).as("the bridge got the PIN and # as RFC 4733 events").isEqualTo(PIN + "#");
            assertThat(ear.audioPackets()).as("silence between the keys").isPositive();

            // Prompt and pause are in pcap time from the bridge's answer; the keys must fall between them.
            Instant answered = joined.answeredAt();
            Instant promptEnd = answered.plusMillis(Math.round(meeting.promptEndS() * 1000));
            Instant meetingStart = answered.plusMillis(Math.round(meeting.meetingStartS() * 1000));
            List<DtmfCollector.Digit> digits = ear.digits();
            assertThat(digits.get(0).at()).as("first key after the prompt ended").isAfter(promptEnd);
            assertThat(digits.get(digits.size() - 1).at()).as("last key before the meeting").isBefore(meetingStart);
            System.out.printf("dial-bridge: prompt ends %.2f s after answer, first key %d ms after it, # %d ms"
                            + " before the meeting starts%n", meeting.promptEndS(),
                    Duration.between(promptEnd, digits.get(0).at()).toMillis(),
                    Duration.between(digits.get(digits.size() - 1).at(), meetingStart).toMillis());

            CallViews.CallDetail first = await().atMost(Duration.ofSeconds(40)).until(
                    () -> detail(meg, dialled.callId()), d -> !d.segments().isEmpty());
            Instant firstSegmentAt = Instant.now();
            System.out.printf("dial-bridge: API call to first segment %d ms (prompt %.1f s + pause %.1f s + first"
                            + " meeting utterance ends %.1f s in)%n", Duration.between(requested, firstSegmentAt)
                            .toMillis(), meeting.promptEndS(), PAUSE_S,
                    meeting.reference().utterances().get(0).end() - meeting.meetingStartS());
            assertThat(first.parties()).extracting(CallViews.PartyView::party).containsExactly("mixed");

            assertThat(bridge.awaitExit(Duration.ofMillis(meetingMs).plus(WAIT))).as("bridge hung up cleanly").isZero();
            DialView ended = await().atMost(WAIT).until(() -> show(meg, dialled.callId()),
                    v -> v.state().equals("ENDED"));
            assertThat(ended.reason()).isEqualTo("REMOTE_BYE");
        }
        CallViews.CallDetail done = await().atMost(WAIT).until(() -> detail(TestAuth.asUser(httpPort, "meg"),
                dialled(TestAuth.asUser(httpPort, "meg"))), d -> d.status().equals("ENDED"));
        String text = String.join(" ", done.segments().stream().map(CallViews.SegmentView::text).toList());
        assertThat(text).as("the meeting is transcribed").contains(firstWords(meeting.reference().utterances().get(0)
                .text()));
        assertThat(text).as("the prompt is not").doesNotContain("meeting number");
        List<CallEventsEndpoint.CallEventView> events = TestAuth.asUser(httpPort, "meg").get()
                .uri("/api/calls/" + done.id() + "/events").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallEventsEndpoint.CallEventView>>() { })
                .returnResult().getResponseBody();
        assertThat(events).extracting(CallEventsEndpoint.CallEventView::kind).contains("dial", "pin", "joined");
        assertThat(events).filteredOn(e -> e.kind().equals("dial")).extracting(CallEventsEndpoint.CallEventView::detail)
                .containsExactly("Quarterly review with Acme");
        assertThat(events).as("the PIN itself is never stored").noneMatch(e -> String.valueOf(e.detail()).contains(PIN));
        // another rep does not see it, an admin does
        TestAuth.asUser(httpPort, "otto").get().uri("/api/calls/dial/" + done.id()).exchange().expectStatus()
                .isNotFound();
        admin().get().uri("/api/calls/dial/" + done.id()).exchange().expectStatus().isOk();
    }

    @Test
    void aBridgeWithoutTelephoneEventGetsThePinAsInBandTones() throws Exception {
        // the same bridge, its answer without telephone-event; it hangs up a second into the meeting
        Path scenario = SippRunner.editedScenario("/sipp/bridge.xml", Path.of("target", "dial-bridge"),
                x -> x.replace("RTP/AVP 0 [te_pt]", "RTP/AVP 0").replaceAll("(?m)^.*\\[te_pt\\].*\\R", "")
                        .replace("<ereg regexp=\"telephone-event/8000\" search_in=\"body\" check_it=\"true\" "
                                + "assign_to=\"te\"/>", "").replace("variables=\"te,", "variables=\""));
        long hangUpMs = Math.round(meeting.meetingStartS() * 1000) + 1000;
        try (DtmfCollector ear = new DtmfCollector("127.0.0.1", 101);
             SippRunner bridge = SippRunner.builder(scenario).localPort(bridgePort)
                     .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1"))
                     .key("dtmf_port", String.valueOf(ear.port())).key("pcap", meeting.pcap().toString())
                     .args("-m", "1", "-d", String.valueOf(hangUpMs)).timeout(Duration.ofMillis(hangUpMs).plus(WAIT))
                     .start()) {
            WebTestClient otto = TestAuth.asUser(httpPort, "otto");
            DialView dialled = otto.post().uri("/api/calls/dial").bodyValue(Map.of("number", "5550102000",
                            "pin", "9071"))
                    .exchange().expectStatus().isAccepted().expectBody(DialView.class).returnResult().getResponseBody();
            DialView joined = await().atMost(WAIT).until(() -> show(otto, dialled.callId()),
                    v -> v.state().equals("JOINED"));
            assertThat(joined.dtmf()).isEqualTo("inband");
            await().atMost(Duration.ofSeconds(5)).until(() -> ear.inbandDigits().length() >= 5);
            assertThat(ear.inbandDigits()).as("the PIN and # heard as tones").isEqualTo("9071#");
            assertThat(ear.eventPackets()).as("no RFC 4733 events to a bridge that did not offer them").isZero();
            assertThat(bridge.awaitExit(Duration.ofMillis(hangUpMs).plus(WAIT))).isZero();
            await().atMost(WAIT).until(() -> show(otto, dialled.callId()).state().equals("ENDED"));
        }
    }

    @Test
    void aTrunkOutageFailsOverToTheNextTrunkButABusyBridgeDoesNot() throws Exception {
        int backupPort = SippRunner.freeUdpPort("127.0.0.1");
        admin().post().uri("/api/admin/trunks").bodyValue(Map.of("id", "backup", "host", "127.0.0.1",
                        "port", backupPort, "username", "earpiece", "codecs", List.of("PCMU"),
                        "registerIntervalSeconds", 0))
                .exchange().expectStatus().isCreated();
        WebTestClient otto = TestAuth.asUser(httpPort, "otto");
        long hangUpMs = Math.round(meeting.meetingStartS() * 1000) + 1000;
        try (DtmfCollector ear = new DtmfCollector("127.0.0.1", 101);
             SippRunner outage = SippRunner.builder(SippRunner.refusingPeer(503, "Service Unavailable"))
                    .localPort(bridgePort)
                    .args("-m", "1").timeout(WAIT).start();
             SippRunner bridge = SippRunner.builder(scenario("bridge.xml")).localPort(backupPort)
                     .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1"))
                     .key("dtmf_port", String.valueOf(ear.port())).key("te_pt", "101")
                     .key("pcap", meeting.pcap().toString())
                     .args("-m", "1", "-d", String.valueOf(hangUpMs)).timeout(Duration.ofMillis(hangUpMs).plus(WAIT))
                     .start()) {
            DialView v = otto.post().uri("/api/calls/dial").bodyValue(Map.of("number", "5550102000", "pin", "55"))
                    .exchange().expectStatus().isAccepted().expectBody(DialView.class).returnResult()
                    .getResponseBody();
            DialView joined = await().atMost(WAIT).until(() -> show(otto, v.callId()),
                    d -> d.state().equals("JOINED"));
            assertThat(joined.trunk()).as("the call went out on the second trunk").isEqualTo("backup");
            assertThat(outage.awaitExit(WAIT)).as("the first trunk was tried and answered 503").isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> ear.digitString().equals("55#"));
            assertThat(bridge.awaitExit(Duration.ofMillis(hangUpMs).plus(WAIT))).isZero();
        }
        try (SippRunner busy = SippRunner.builder(SippRunner.refusingPeer(486, "Busy Here")).localPort(bridgePort)
               .args("-m", "1").timeout(WAIT).start()) {
            DialView v = otto.post().uri("/api/calls/dial").bodyValue(Map.of("number", "5550102000", "pin", "55"))
                    .exchange().expectStatus().isAccepted().expectBody(DialView.class).returnResult()
                    .getResponseBody();
            DialView failed = await().atMost(WAIT).until(() -> show(otto, v.callId()), d -> d.endedAt() != null);
            assertThat(failed.state()).isEqualTo("FAILED");
            assertThat(failed.sipStatus()).isEqualTo(486);
            assertThat(failed.trunk()).as("a busy bridge is not retried elsewhere").isEqualTo("bridges");
            assertThat(busy.awaitExit(WAIT)).isZero();
        } finally {
            admin().delete().uri("/api/admin/trunks/backup").exchange().expectStatus().is2xxSuccessful();
        }
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        WebTestClient otto = TestAuth.asUser(httpPort, "otto");
        Map<String, Object> good = Map.of("number", "5550102000", "pin", "1234");
        refused(otto, with(good, "number", "call me"), 400, "number");
        refused(otto, with(good, "number", ""), 400, "number is required");
        refused(otto, with(good, "pin", "12a4"), 400, "pin");
        refused(otto, with(good, "pinDelay", -1), 400, "pinDelay");
        refused(otto, with(good, "pinDelay", 500_000), 400, "pinDelay");
        refused(otto, with(good, "title", "x".repeat(65)), 400, "title");
        refused(otto, with(good, "rep", "meg"), 403, "only admins");
        refused(admin(), with(good, "rep", "nobody"), 400, "no enabled user nobody");
        otto.post().uri("/api/calls/dial").body(BodyInserters.fromMultipartData(invite("SUMMARY:Lunch",
                        "LOCATION:Room 4"))).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(b -> assertThat(b).contains("no dial-in number found"));
        MultipartBodyBuilder notIcs = new MultipartBodyBuilder();
        notIcs.part("invite", new ByteArrayResource("hello".getBytes()) {
            @Override
            public String getFilename() {
                return "notes.txt";
            }
        });
        otto.post().uri("/api/calls/dial").body(BodyInserters.fromMultipartData(notIcs.build())).exchange()
                .expectStatus().isBadRequest().expectBody(String.class)
                .value(b -> assertThat(b).contains("not an iCalendar"));
        otto.get().uri("/api/calls/dial/no-such-call").exchange().expectStatus().isNotFound();
        otto.delete().uri("/api/calls/dial/no-such-call").exchange().expectStatus().isNotFound();
    }

    @Test
    void aNumbersRoutePatternPicksItsTrunkBeforeTheOlderOneAndAnInvitationGivesTheNumber() throws Exception {
        int routedPort = SippRunner.freeUdpPort("127.0.0.1");
        admin().post().uri("/api/admin/trunks").bodyValue(Map.of("id", "routed", "host", "127.0.0.1",
                        "port", routedPort, "username", "earpiece", "codecs", List.of("PCMU"),
                        "registerIntervalSeconds", 0, "routePatterns", List.of("777"), "routePriority", 1))
                .exchange().expectStatus().isCreated();
        WebTestClient otto = TestAuth.asUser(httpPort, "otto");
        try (SippRunner routed = SippRunner.builder(SippRunner.refusingPeer(486, "Busy Here")).localPort(routedPort)
                .timeout(WAIT).start()) {
            // The number and PIN come from a meeting invitation, as the console's upload sends it.
            DialView v = otto.post().uri("/api/calls/dial").body(BodyInserters.fromMultipartData(invite(
                            "SUMMARY:Renewal call", "CONFERENCE;VALUE=URI;FEATURE=PHONE:tel:777-1234,,4455#")))
                    .exchange().expectStatus().isAccepted().expectBody(DialView.class).returnResult()
                    .getResponseBody();
            DialView failed = await().atMost(WAIT).until(() -> show(otto, v.callId()), d -> d.endedAt() != null);
            assertThat(failed.trunk()).as("777... goes to the trunk routing it, not the older one").isEqualTo("routed");
            assertThat(failed.number()).as("read from the invitation's tel: URI").isEqualTo("7771234");
            assertThat(failed.title()).isEqualTo("Renewal call");
            assertThat(failed.sipStatus()).isEqualTo(486);
            assertThat(routed.awaitExit(WAIT)).as("the routed trunk got the INVITE").isZero();
        } finally {
            admin().delete().uri("/api/admin/trunks/routed").exchange().expectStatus().is2xxSuccessful();
        }
    }

    @Test
    void theRepEndsACallThatIsStillRinging() throws Exception {
        // The bridge rings and never answers; the rep gives up, which CANCELs the INVITE (RFC 3261 9.1).
        // The ringing peer is sip-gateway's (a rep's device that loses the race rings alike), read from its test jar.
        Path ringingScenario = SippRunner.editedScenario("/sipp/ringing.xml", Path.of("target", "dial-bridge"),
                x -> x);
        try (SippRunner ringing = SippRunner.builder(ringingScenario).localPort(bridgePort)
                .args("-m", "1").timeout(WAIT).start()) {
            WebTestClient otto = TestAuth.asUser(httpPort, "otto");
            DialView v = otto.post().uri("/api/calls/dial").bodyValue(Map.of("number", "5550102000", "pin", "1"))
                    .exchange().expectStatus().isAccepted().expectBody(DialView.class).returnResult()
                    .getResponseBody();
            await().atMost(WAIT).until(() -> show(otto, v.callId()).state().equals("RINGING"));
            otto.delete().uri("/api/calls/dial/" + v.callId()).exchange().expectStatus().isAccepted();
            DialView ended = await().atMost(WAIT).until(() -> show(otto, v.callId()), d -> d.endedAt() != null);
            assertThat(ended.state()).isEqualTo("FAILED");
            assertThat(ended.sipStatus()).isEqualTo(487);
            assertThat(ringing.awaitExit(WAIT)).as("the bridge saw the CANCEL and the ACK of its 487").isZero();
            CallViews.CallDetail call = detail(otto, v.callId());
            await().atMost(WAIT).until(() -> detail(otto, v.callId()).status().equals("ENDED"));
            assertThat(call.parties()).extracting(CallViews.PartyView::party).containsExactly("mixed");
        }
    }

    private String dialled(WebTestClient c) {
        List<DialView> all = c.get().uri("/api/calls/dial").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<DialView>>() { }).returnResult().getResponseBody();
        return all.stream().filter(d -> "Quarterly review with Acme".equals(d.title())).findFirst().orElseThrow()
                .callId();
    }

    private static String firstWords(String text) {
        String[] w = text.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(4, w.length)));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    /** A multipart form with an .ics invitation whose event holds {@code lines}, as the console's upload sends it. */
    private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> invite(
            String... lines) {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Earpiece tests//EN\r\nBEGIN:VEVENT\r\n"
                + "UID:dial-it@example.test\r\nDTSTAMP:20261207T090000Z\r\nDTSTART:20261208T150000Z\r\n"
                + String.join("\r\n", lines) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("invite", new ByteArrayResource(ics.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "invite.ics";
            }
        }).contentType(MediaType.parseMediaType("text/calendar"));
        return form.build();
    }

    private static void refused(WebTestClient c, Map<String, Object> body, int status, String message) {
        c.post().uri("/api/calls/dial").bodyValue(body).exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).value(b -> assertThat(b).contains(message));
    }

    private static DialView show(WebTestClient c, String callId) {
        return c.get().uri("/api/calls/dial/" + callId).exchange().expectStatus().isOk().expectBody(DialView.class)
                .returnResult().getResponseBody();
    }

    private static CallViews.CallDetail detail(WebTestClient c, String callId) {
        return c.get().uri("/api/calls/" + callId).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
    }
}
