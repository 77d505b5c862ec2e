package io.earpiece.console.web;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.BrowserScript;
import io.earpiece.console.testing.JanusRunner;
import io.earpiece.console.testing.PrivateNetwork;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.trunk.KamailioCarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rep's browser softphone end to end: headless Chromium (its fake microphone playing the rep's synth-call
 * audio) registers the rep through Janus's SIP plugin at Earpiece's registrar and dials a customer; Earpiece's
 * B2BUA places the call through its trunk (kamailio as the carrier) to sipp, which answers and plays the
 * customer's audio. Janus runs in a private network namespace joined by a veth pair, so ICE has one path.
 * The page must follow the call Earpiece makes of it, with transcript lines of both parties and a card.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=0.0.0.0", "earpiece.sip.port=0",
        "earpiece.rtp.host=0.0.0.0", "earpiece.rtp.port-min=49000", "earpiece.rtp.port-max=49499",
        "earpiece.rtp.media-timeout=10s",
        "earpiece.data-dir=target/it-data/softphone",
        "spring.datasource.url=jdbc:h2:mem:softphone;DB_CLOSE_DELAY=-1",
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.secret-key=" + SoftphoneJanusIT.SECRET_KEY,
        "earpiece.telephony.realm=earpiece.test",
        // Janus's SIP stack (sofia-sip) knows only MD5 and gives up when any challenge is for another algorithm.
        "earpiece.telephony.digest-algorithms=MD5"})
@Import(ReplayRecognizerConfig.class)
class SoftphoneJanusIT {

    static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String REP = "alice";
    static final String REP_LOGIN_PASSWORD = "alice-console-Secret-1";
    static final String REP_SIP_PASSWORD = "wonderland-42";
    static final Pattern CALL_ID = Pattern.compile("^CALL_ID=(\\S+)$", Pattern.MULTILINE);
    static final Duration WAIT = Duration.ofSeconds(30);

    static SynthCall call;
    static PrivateNetwork net;
    static JanusRunner janus;
    static KamailioRunner kamailio;
    static int customerPort;

    @Autowired
    ReplaySpeechRecognizer recognizer;
    @LocalServerPort
    int httpPort;


    @BeforeAll
    static void peers() throws Exception {
        assumeTrue(Files.isExecutable(JanusRunner.BINARY) && JanusRunner.libraryDir().isPresent(),
                "SKIPPED SoftphoneJanusIT: " + JanusRunner.BINARY + " or its SIP plugin is missing (Debian: apt-get install -y janus)");
        String noBrowser = BrowserScript.unavailable();
        assumeTrue(noBrowser == null, "SKIPPED SoftphoneJanusIT: " + noBrowser);
        String noNamespace = PrivateNetwork.unavailable().orElse(null);
        assumeTrue(noNamespace == null, "SKIPPED SoftphoneJanusIT: no private network namespace for Janus: " + noNamespace);
        call = SynthCall.generate("budget-freeze");
        net = PrivateNetwork.create();
        janus = JanusRunner.start(net, Path.of("target/janus"));
        customerPort = SippRunner.freeUdpPort("127.0.0.1");
        kamailio = KamailioCarrier.start("MD5", customerPort);
    }

    /** Earpiece advertises the host end of the veth pair, which Janus inside and sipp outside can both reach. */
    @DynamicPropertySource
    static void network(DynamicPropertyRegistry registry) {
        registry.add("earpiece.sip.public-host", () -> net.hostIp());
        registry.add("earpiece.softphone.janus-url", () -> janus.url());
    }

    @AfterAll
    static void stopPeers() {
        if (kamailio != null) {
            kamailio.close();
        }
        if (janus != null) {
            janus.close();
        }
        if (net != null) {
            net.close();
        }
    }

    @Test
    void repCallsFromTheBrowserAndFollowsTheLiveCall() throws Exception {
        recognizer.use(call.reference());
        String admin = TestAuth.adminToken(httpPort);
        provision(TestAuth.as(httpPort, admin));

        long durationMs = Math.round(call.reference().duration_s() * 1000);
        Path out = Path.of("target/browser").toAbsolutePath();
        String output;
        try (SippRunner customer = SippRunner.builder(customerScenario())
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort)
                .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).timeout(WAIT.plusMillis(durationMs)).start()) {
            Process browser = script(out);
            StringBuilder lines = new StringBuilder();
            Thread pump = BrowserScript.pump(browser, "softphone", lines);
            boolean finished = browser.waitFor(100, TimeUnit.SECONDS);
            if (!finished) {
                browser.destroyForcibly();
            }
            pump.join(5_000);
            output = lines.toString();
            if (!finished || browser.exitValue() != 0) {
                janus.dumpLog();
                kamailio.dumpLog();
            }
            assertThat(finished).as("browser script finished in time; output:%n%s", output).isTrue();
            assertThat(browser.exitValue()).as("browser script exit code; output:%n%s", output).isZero();
            assertThat(customer.awaitExit(WAIT)).as("customer's sipp exit code (0: answered, then BYE)").isZero();
        }

        Matcher m = CALL_ID.matcher(output);
        assertThat(m.find()).as("script reports the call it followed").isTrue();
        WebTestClient http = TestAuth.as(httpPort, admin);
        CallViews.CallDetail detail = await().atMost(WAIT).until(() -> http.get().uri("/api/calls/" + m.group(1))
                .exchange().expectStatus().isOk().expectBody(CallViews.CallDetail.class).returnResult().getResponseBody(),
                d -> d.status().equals("ENDED"));
        assertThat(detail.from()).startsWith("sip:" + REP + "@");
        assertThat(detail.to()).startsWith("sip:" + KamailioCarrier.CUSTOMER_NUMBER + "@");
        // The rep owns the call they placed (their SIP user is the From user).
        TestAuth.as(httpPort, TestAuth.token(httpPort, REP, REP_LOGIN_PASSWORD)).get().uri("/api/calls/" + m.group(1))
                .exchange().expectStatus().isOk();
        assertThat(detail.parties()).extracting(CallViews.PartyView::party).containsExactlyInAnyOrder("rep", "customer");
        assertThat(detail.parties()).allSatisfy(p -> assertThat(p.packetsReceived()).as("RTP of %s", p.party()).isPositive());
        assertThat(detail.segments()).extracting(CallViews.SegmentView::party).contains("rep", "customer");
        // a card raised at the right utterance: one detected there with its trigger, which the script labels for
        // that party
        assertThat(detail.cards()).as("cards of the call").anySatisfy(card ->
                assertThat(detail.insights()).anySatisfy(i -> {
                    assertThat(i.utterance()).isEqualTo(card.utterance());
                    assertThat(i.tag()).isEqualTo(card.trigger());
                    assertThat(call.reference().utterances()).anySatisfy(u -> {
                        assertThat(u.speaker()).isEqualTo(i.party());
                        assertThat(u.tags()).contains(i.tag());
                    });
                }));
        assertThat(out.resolve("softphone-live.png")).isNotEmptyFile();
    }

    /** The rep's SIP account and console login, the trunk to the carrier and its registration. */
    private void provision(WebTestClient http) {
        http.post().uri("/api/admin/sip-users").bodyValue(Map.of("username", REP, "password", REP_SIP_PASSWORD))
                .exchange().expectStatus().isCreated();
        http.post().uri("/api/admin/users").bodyValue(Map.of("username", REP, "password", REP_LOGIN_PASSWORD,
                "role", "REP", "sipUser", REP)).exchange().expectStatus().is2xxSuccessful();
        http.post().uri("/api/admin/trunks").bodyValue(Map.of("id", "carrier", "host", "127.0.0.1",
                        "port", kamailio.port(), "username", KamailioCarrier.TRUNK_USER,
                        "password", KamailioCarrier.TRUNK_PASSWORD, "realm", KamailioCarrier.REALM,
                        "callerId", KamailioCarrier.DID, "codecs", List.of("PCMU"),
                        "allowedSources", List.of("127.0.0.1"), "registerIntervalSeconds", 120))
                .exchange().expectStatus().isCreated();
        await().atMost(WAIT).until(() -> http.get().uri("/api/admin/trunks/carrier").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody(), s -> s.contains("\"state\":\"REGISTERED\""));
    }

    private Process script(Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", "e2e/softphone-call.mjs").directory(BrowserScript.WEB.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("BASE_URL", "http://127.0.0.1:" + httpPort);
        env.put("NUMBER", KamailioCarrier.CUSTOMER_NUMBER);
        env.put("E2E_USERNAME", REP);
        env.put("E2E_PASSWORD", REP_LOGIN_PASSWORD);
        env.put("FAKE_AUDIO", call.wav("rep").toString());
        env.put("OUT_DIR", out.toString());
        env.put("CHROMIUM", BrowserScript.CHROMIUM.toString());
        BrowserScript.docsScreenshots(env);
        return pb.start();
    }

    private Path customerScenario() throws IOException {
        return SippRunner.editedScenario("/sipp/softphone-customer.xml", Path.of("target", "softphone-scenarios"),
                xml -> xml.replace("@PCAP@", call.pcap("customer").toAbsolutePath().toString()));
    }
}
