package io.earpiece.console.telephony;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.EarpieceApplication;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.call.CallEventsEndpoint.CallEventView;
import io.earpiece.console.testing.AudioMath;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.TestClassesExcluded;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.trunk.KamailioCarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Call control on a relayed (B2BUA) call, with real peers as in {@link TelephonyIT}: kamailio is the carrier, sipp
 * the rep's phone and the customer's phone's SIP side. The rep presses DTMF (RFC 4733, played from a generated
 * pcap), holds and resumes with re-INVITEs; the digits must reach the far end and be stored as call events with
 * the hold and resume. When RTP stops, or the server shuts down, Earpiece must hang up both SIP legs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=48500", "earpiece.rtp.port-max=48899",
        "earpiece.rtp.media-timeout=3s",
        "earpiece.data-dir=target/it-data/relay-control",
        "spring.datasource.url=jdbc:h2:mem:relaycontrol;DB_CLOSE_DELAY=-1",
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.secret-key=" + TelephonyIT.SECRET_KEY,
        "earpiece.telephony.realm=earpiece.test",
        "earpiece.telephony.digest-algorithms=MD5,SHA-256"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(ReplayRecognizerConfig.class)
class RelayedCallControlIT {

    private static final String REP = "carol";
    private static final String REP_PASSWORD = "relay-control-7";
    private static final String REP_HOST = "127.0.0.2";
    private static final int EVENT_PT = 101;
    /** The customer's phone numbers telephone events differently from the rep's. */
    private static final int CUSTOMER_EVENT_PT = 96;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCENARIOS = Path.of("target", "relay-control");

    static KamailioRunner kamailio;
    static int customerPort;

    @Autowired
    SipGateway gateway;
    @LocalServerPort
    int httpPort;

    private String token;
    private Set<String> callsBefore;


    @BeforeAll
    static void carrier() {
        customerPort = SippRunner.freeUdpPort("127.0.0.1");
        kamailio = KamailioCarrier.start("MD5", customerPort);
    }

    @AfterAll
    static void stopCarrier() {
        if (kamailio != null) {
            kamailio.close();
        }
    }

    WebTestClient http() {
        if (token == null) {
            token = TestAuth.adminToken(httpPort);
        }
        return TestAuth.as(httpPort, token);
    }

    /** The trunk and the rep's SIP account, entered through the admin API once per server. */
    @BeforeEach
    void provision() {
        provision(http());
        callsBefore = callDetails().stream().map(AdminViews.CallDetailView::id).collect(Collectors.toSet());
    }

    private static void provision(WebTestClient http) {
        if (http.get().uri("/api/admin/trunks").exchange().expectBody(String.class).returnResult()
                .getResponseBody().contains("\"carrier\"")) {
            return;
        }
        http.post().uri("/api/admin/sip-users").bodyValue(Map.of("username", REP, "password", REP_PASSWORD))
                .exchange().expectStatus().isCreated();
        http.post().uri("/api/admin/trunks").bodyValue(Map.of("id", "carrier", "host", "127.0.0.1",
                        "port", kamailio.port(), "username", KamailioCarrier.TRUNK_USER,
                        "password", KamailioCarrier.TRUNK_PASSWORD, "realm", KamailioCarrier.REALM,
                        "callerId", KamailioCarrier.DID, "codecs", List.of("PCMU"),
                        "allowedSources", List.of("127.0.0.1"), "registerIntervalSeconds", 120))
                .exchange().expectStatus().isCreated();
        await().atMost(WAIT).until(() -> http.get().uri("/api/admin/trunks/carrier").exchange()
                .expectBody(AdminViews.TrunkView.class).returnResult().getResponseBody().status().state(),
                s -> s.equals("REGISTERED"));
    }

    @Test
    @Order(1)
    void dtmfHoldAndResumePassThroughTheRelayAndAreStoredAsCallEvents() throws Exception {
        List<DtmfPcap.Press> presses = List.of(new DtmfPcap.Press('1', 25, 5), new DtmfPcap.Press('5', 50, 6),
                new DtmfPcap.Press('#', 80, 4));
        Path pcap = Path.of("target", "relay-control", "dtmf-" + System.nanoTime() + ".pcap");
        int slots = 110;
        DtmfPcap.write(pcap, slots, EVENT_PT, presses);
        long playMs = slots * 20L;
        try (FarEndPhone far = new FarEndPhone(EVENT_PT);
             SippRunner customer = SippRunner.builder(testJarScenario("answer-hold",
                             s -> s.replace("m=audio [media_port]", "m=audio " + far.port())))
                     .remote("127.0.0.1", kamailio.port()).localPort(customerPort)
                     .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).timeout(WAIT).start()) {
            int rep = repCalls("rep-hold", s -> s.replace("<pause/>", play(pcap) + "\n  <pause/>"),
                    "-d", String.valueOf(playMs + 500));
            assertThat(rep).as("rep's sipp: call, hold and resume re-INVITEs answered 200 with the relay's SDP")
                    .isZero();
            assertThat(customer.awaitExit()).as("customer's sipp: both re-INVITEs arrived from the relay, BYE")
                    .isZero();

            await().atMost(WAIT).untilAsserted(() -> assertThat(far.digits())
                    .as("telephone-event packets at the far end, one end per digit")
                    .extracting(FarEndPhone.Event::event).containsExactly(1, 5, 11));
            assertThat(far.digits()).extracting(FarEndPhone.Event::payloadType).containsOnly(EVENT_PT);
            assertThat(far.digits()).extracting(FarEndPhone.Event::duration).containsExactly(800, 960, 640);
            assertThat(far.events()).as("every packet of each digit relayed, the end three times")
                    .hasSize(presses.stream().mapToInt(p -> p.packets() + 2).sum());
            assertThat(far.audioPackets()).isGreaterThan(50);
        }

        AdminViews.CallDetailView cdr = newEndedCall();
        assertThat(cdr.endedBy()).isEqualTo("REP");
        String callId = callOf(cdr);
        List<CallEventView> events = await().atMost(WAIT).until(() -> events(callId), e -> e.size() >= 5);
        assertThat(events).extracting(e -> e.kind() + ":" + e.party() + ":" + e.detail())
                .containsExactly("dtmf:rep:1", "dtmf:rep:5", "dtmf:rep:#", "hold:rep:null", "resume:rep:null");
        assertThat(events.subList(0, 3)).extracting(CallEventView::durationMs).containsExactly(100, 120, 80);
        // The digits' media times in the rep's stream: pressed at slots 25, 50 and 80 of 20 ms.
        assertThat(events.get(0).offsetMs()).isBetween(400L, 600L);
        assertThat(events.get(1).offsetMs()).isBetween(900L, 1100L);
        assertThat(events.get(2).offsetMs()).isBetween(1500L, 1700L);
        assertThat(events.get(3).offsetMs()).isGreaterThanOrEqualTo(playMs);
        assertThat(events.get(4).at()).isAfterOrEqualTo(events.get(3).at());

        TestAuth.anonymous(httpPort).get().uri("/api/calls/" + callId + "/events").exchange()
                .expectStatus().isUnauthorized();
        http().get().uri("/api/calls/no-such-call/events").exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(2)
    void whenRtpStopsBothLegsAreHungUp() throws Exception {
        Path pcap = Path.of("target", "relay-control", "short-" + System.nanoTime() + ".pcap");
        DtmfPcap.write(pcap, 50, EVENT_PT, List.of());
        try (SippRunner customer = SippRunner.builder(testJarScenario("answer", s -> s))
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort)
                .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).timeout(WAIT).start()) {
            int rep = repCalls("rep-wait-bye", s -> s.replace("<recv request=\"BYE\"/>",
                    play(pcap) + "\n  <recv request=\"BYE\"/>"));
            assertThat(rep).as("rep's sipp received BYE from Earpiece and answered it").isZero();
            assertThat(customer.awaitExit()).as("customer's sipp received BYE and answered it").isZero();
        }
        AdminViews.CallDetailView cdr = newEndedCall();
        assertThat(cdr.endedBy()).isEqualTo("SYSTEM");
        assertThat(cdr.disposition()).isEqualTo("ANSWERED");
        String callId = callOf(cdr);
        CallViews.CallDetail call = http().get().uri("/api/calls/" + callId).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        assertThat(call.endReason()).isEqualTo("LOCAL_HANGUP");
    }

    /**
     * A server of its own (RTP 48900-48999), started and closed here as in production: closing the application
     * must send BYE on both legs of a call in progress before the SIP stack stops.
     */
    @Test
    @Order(3)
    void aShutdownHangsUpBothLegsOfARelayedCall() throws Exception {
        Path pcap = Path.of("target", "relay-control", "long-" + System.nanoTime() + ".pcap");
        DtmfPcap.write(pcap, 1500, EVENT_PT, List.of());
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EarpieceApplication.class, ReplayRecognizerConfig.class)
                .initializers(TestClassesExcluded::register)
                // Command-line arguments, as a production start gets them: they override application.properties.
                .run(Stream.of("server.port=0", "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0",
                        "earpiece.sip.public-host=127.0.0.1", "earpiece.rtp.host=127.0.0.1",
                        "earpiece.rtp.port-min=48900", "earpiece.rtp.port-max=48999",
                        "earpiece.rtp.media-timeout=3s", "earpiece.data-dir=target/it-data/relay-control-shutdown",
                        "spring.datasource.url=jdbc:h2:mem:relaycontrolshutdown;DB_CLOSE_DELAY=-1",
                        TestAuth.ADMIN_PASSWORD_PROPERTY, "earpiece.secret-key=" + TelephonyIT.SECRET_KEY,
                        "earpiece.telephony.realm=earpiece.test",
                        "earpiece.telephony.digest-algorithms=MD5,SHA-256").map(p -> "--" + p).toArray(String[]::new));
        try (app;
             FarEndPhone far = new FarEndPhone(EVENT_PT);
             SippRunner customer = SippRunner.builder(testJarScenario("answer",
                             s -> s.replace("m=audio [media_port]", "m=audio " + far.port())))
                     .remote("127.0.0.1", kamailio.port()).localPort(customerPort)
                     .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).timeout(WAIT).start()) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            provision(TestAuth.as(port, TestAuth.adminToken(port)));
            try (SippRunner rep = repCall(app.getBean(SipGateway.class).port(), "rep-wait-bye",
                    s -> s.replace("<recv request=\"BYE\"/>", play(pcap) + "\n  <recv request=\"BYE\"/>"))
                    .start()) {
                await().atMost(WAIT).until(() -> far.audioPackets() > 10);
                app.close();
                assertThat(rep.awaitExit()).as("rep's sipp received BYE at shutdown and answered it").isZero();
                assertThat(customer.awaitExit()).as("customer's sipp received BYE at shutdown and answered it")
                        .isZero();
            }
        }
    }

    /**
     * The rep's phone re-INVITEs from PCMU to PCMA mid-call while the customer's phone keeps PCMU (its offer comes
     * widened with the customer's codec): the relay transcodes from then on, the customer still hears the rep's
     * audio, and the rep's recording decodes each part with its codec, without a gap. Each phone keeps its own
     * telephone-event type (the rep 101, the customer 96): digits cross with the other side's type, and each tap
     * reads its own side's.
     */
    @Test
    @Order(4)
    void aCodecChangeOnOneSideIsTranscodedAndEachSideKeepsItsEventType() throws Exception {
        int part = 150;
        short[] source = speechLike(2 * part * DtmfPcap.SAMPLES_PER_PACKET);
        DtmfPcap.Press five = new DtmfPcap.Press('5', 40, 5);
        java.util.Arrays.fill(source, 40 * DtmfPcap.SAMPLES_PER_PACKET, 48 * DtmfPcap.SAMPLES_PER_PACKET, (short) 0);
        Path pcmu = SCENARIOS.resolve("recodec-pcmu-" + System.nanoTime() + ".pcap");
        Path pcma = SCENARIOS.resolve("recodec-pcma-" + System.nanoTime() + ".pcap");
        int half = part * DtmfPcap.SAMPLES_PER_PACKET;
        DtmfPcap.write(pcmu, new DtmfPcap.Audio(java.util.Arrays.copyOfRange(source, 0, half), 0, 0), EVENT_PT,
                List.of(five));
        DtmfPcap.write(pcma, new DtmfPcap.Audio(java.util.Arrays.copyOfRange(source, half, 2 * half), 8, part),
                EVENT_PT, List.of());
        List<String> plays = List.of(play(pcmu), play(pcma));
        try (FarEndPhone far = new FarEndPhone(CUSTOMER_EVENT_PT);
             SippRunner customer = SippRunner.builder(testJarScenario("answer-recodec",
                             s -> s.replace("m=audio [media_port]", "m=audio " + far.port())))
                     .remote("127.0.0.1", kamailio.port()).localPort(customerPort)
                     .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).timeout(WAIT).start()) {
            // Each part is played, to its end, before the next SIP step: the first before the re-INVITE.
            UnaryOperator<String> playing = s -> {
                for (String play : plays) {
                    s = s.replaceFirst("<pause/>", java.util.regex.Matcher.quoteReplacement(play + "\n  <pause />"));
                }
                return s;
            };
            try (SippRunner rep = repCall(gateway.port(), "rep-recodec", playing, "-d",
                    String.valueOf(part * 20L + 300)).start()) {
                await().atMost(WAIT).until(() -> far.audioPackets() > 20);
                far.press(9);
                assertThat(rep.awaitExit()).as("rep's sipp: answered PCMU with its own 101, then PCMA with 101")
                        .isZero();
            }
            assertThat(customer.awaitExit()).as("customer's sipp: the re-INVITE offered 8 96 0, answered PCMU")
                    .isZero();

            await().atMost(WAIT).untilAsserted(() -> assertThat(far.digits()).as("the rep's digit, with type 96")
                    .extracting(FarEndPhone.Event::event).containsExactly(5));
            assertThat(far.events()).extracting(FarEndPhone.Event::payloadType).containsOnly(CUSTOMER_EVENT_PT);
            List<FarEndPhone.Audio> heard = far.audio();
            assertThat(heard).as("the customer is sent PCMU throughout").extracting(FarEndPhone.Audio::payloadType)
                    .containsOnly(0);
            short[] received = new short[source.length];
            for (FarEndPhone.Audio a : heard) {
                int at = (a.sequence() - 1000) * DtmfPcap.SAMPLES_PER_PACKET;
                short[] pcm = io.earpiece.media.g711.G711Codec.PCMU.decode(a.payload());
                if (at >= 0 && at + pcm.length <= received.length) {
                    System.arraycopy(pcm, 0, received, at, pcm.length);
                }
            }
            double heardCorrelation = AudioMath.maxNormalisedCorrelation(received, source, 160);
            System.out.println("recodec_far_end_correlation=" + heardCorrelation);
            assertThat(heardCorrelation).as("the customer hears the rep's audio, PCMA transcoded in the second part")
                    .isGreaterThanOrEqualTo(0.9);
        }

        AdminViews.CallDetailView cdr = newEndedCall();
        String callId = callOf(cdr);
        List<CallEventView> events = await().atMost(WAIT).until(() -> events(callId), e -> e.size() >= 2);
        assertThat(events).as("each tap reads its own side's event type")
                .extracting(e -> e.kind() + ":" + e.party() + ":" + e.detail())
                .containsExactlyInAnyOrder("dtmf:rep:5", "dtmf:customer:9");
        CallViews.CallDetail detail = http().get().uri("/api/calls/" + callId).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        assertThat(detail.parties()).as("each party's codec as last agreed")
                .extracting(p -> p.party() + ":" + p.codec()).containsExactlyInAnyOrder("rep:PCMA", "customer:PCMU");
        CallViews.PartyView repParty = detail.parties().stream().filter(p -> p.party().equals("rep")).findFirst()
                .orElseThrow();
        byte[] wav = http().get().uri(repParty.recordingUrl()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        Path file = SCENARIOS.resolve("recodec-" + callId + "-rep.wav");
        java.nio.file.Files.write(file, wav);
        short[] recorded = AudioMath.readWav(file);
        double seconds = recorded.length / 16000.0;
        double recordedCorrelation = Math.max(
                AudioMath.maxNormalisedCorrelation(everyOther(recorded, 0), source, 1600),
                AudioMath.maxNormalisedCorrelation(everyOther(recorded, 1), source, 1600));
        System.out.println("recodec_rep_recording_correlation=" + recordedCorrelation + " seconds=" + seconds);
        assertThat(recordedCorrelation).as("the rep's recording: both parts decoded, the second right after the first")
                .isGreaterThanOrEqualTo(0.9);
        assertThat(seconds).as("no gap or loss: as long as what the rep sent")
                .isCloseTo(source.length / 8000.0, org.assertj.core.data.Offset.offset(0.3));
    }

    /**
     * A deterministic stand-in for speech at 8 kHz: a few incommensurate tones under an envelope that changes at
     * random every 50 ms (a quarter of the stretches silent), so the signal only matches itself at one offset.
     */
    private static short[] speechLike(int samples) {
        java.util.Random random = new java.util.Random(4733);
        double[] tones = {230, 410, 690, 1130, 1720};
        double[] phases = new double[tones.length];
        for (int k = 0; k < tones.length; k++) {
            phases[k] = random.nextDouble() * 2 * Math.PI;
        }
        int block = 400;
        double[] levels = new double[samples / block + 2];
        for (int b = 0; b < levels.length; b++) {
            levels[b] = random.nextDouble() < 0.25 ? 0 : 0.2 + 0.8 * random.nextDouble();
        }
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            double f = (double) (i % block) / block;
            double envelope = levels[i / block] * (1 - f) + levels[i / block + 1] * f;
            double v = 0;
            for (int k = 0; k < tones.length; k++) {
                v += Math.sin(2 * Math.PI * tones[k] * i / 8000.0 + phases[k]);
            }
            out[i] = (short) Math.round(envelope * v * 1600);
        }
        return out;
    }

    /** The 8 kHz samples of a 16 kHz recording at one of the two phases. */
    private static short[] everyOther(short[] samples, int phase) {
        short[] out = new short[(samples.length - phase + 1) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[2 * i + phase];
        }
        return out;
    }

    private int repCalls(String scenario, UnaryOperator<String> edit, String... args) throws IOException {
        return repCall(gateway.port(), scenario, edit, args).run();
    }

    /** Registers the rep's phone at the server on {@code sipPort}, then readies its call. */
    private static SippRunner.Builder repCall(int sipPort, String scenario, UnaryOperator<String> edit,
                                              String... args) throws IOException {
        int repPort = SippRunner.freeUdpPort(REP_HOST);
        assertThat(SippRunner.builder(SippRunner.editedScenario("/sipp/register/register-auth.xml", SCENARIOS, s -> s))
                .remote("127.0.0.1", sipPort).localHost(REP_HOST).localPort(repPort).timeout(WAIT)
                .key("user", REP).key("expires", "300").args("-au", REP, "-ap", REP_PASSWORD).run())
                .as("rep's phone registers").isZero();
        return SippRunner.builder(testJarScenario(scenario, edit))
                .remote("127.0.0.1", sipPort).localHost(REP_HOST).localPort(repPort).mediaIp(REP_HOST)
                .mediaPort(SippRunner.evenFreeUdpPort(REP_HOST)).timeout(WAIT)
                .key("user", REP).key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                .args(concat(new String[]{"-au", REP, "-ap", REP_PASSWORD}, args));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String play(Path pcap) {
        return "<nop><action><exec play_pcap_audio=\"" + pcap.toAbsolutePath() + "\"/></action></nop>";
    }

    private List<AdminViews.CallDetailView> callDetails() {
        return http().get().uri("/api/admin/call-details?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<AdminViews.CallDetailView>>() { })
                .returnResult().getResponseBody();
    }

    private AdminViews.CallDetailView newEndedCall() {
        return await().atMost(WAIT).until(() -> callDetails().stream()
                .filter(d -> !callsBefore.contains(d.id()) && d.endedAt() != null).findFirst().orElse(null),
                d -> d != null);
    }

    /** The stored call of a relayed call's detail record, once it has ended. */
    private String callOf(AdminViews.CallDetailView cdr) {
        return await().atMost(WAIT).until(() -> http().get().uri("/api/calls?size=100").exchange()
                        .expectStatus().isOk()
                        .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                        .returnResult().getResponseBody().stream()
                        .filter(c -> c.conversationId().equals(cdr.conversationId())).findFirst().orElse(null),
                c -> c != null && c.status().equals("ENDED")).id();
    }

    private List<CallEventView> events(String callId) {
        return http().get().uri("/api/calls/" + callId + "/events").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallEventView>>() { })
                .returnResult().getResponseBody();
    }

    private static Path testJarScenario(String name, UnaryOperator<String> edit) throws IOException {
        return SippRunner.editedScenario("/sipp/b2bua/" + name + ".xml", SCENARIOS, edit);
    }
}
