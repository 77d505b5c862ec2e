package io.earpiece.console.telephony;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.testing.RelayedCallChecks;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.AudioMath;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.db.telephony.SipUserRepository;
import io.earpiece.db.telephony.TrunkRepository;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.auth.DigestAlgorithm;
import io.earpiece.sip.auth.DigestMath;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.trunk.KamailioCarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

/**
 * Earpiece in the call path, through the full server: kamailio is the carrier demanding digest auth, Earpiece's
 * trunk (created with the admin API) registers to it, a sipp "rep device" registers at Earpiece, and calls go
 * rep -> Earpiece -> trunk -> customer and back, each side playing its party's synth-call audio. The relay must
 * carry each side's RTP to the other, and the call must be transcribed per party.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=48000", "earpiece.rtp.port-max=48499",
        "earpiece.rtp.media-timeout=10s",
        "earpiece.data-dir=target/it-data/telephony",
        "spring.datasource.url=jdbc:h2:mem:telephony;DB_CLOSE_DELAY=-1",
        io.earpiece.console.testing.TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.secret-key=" + TelephonyIT.SECRET_KEY,
        "earpiece.telephony.realm=earpiece.test",
        // sipp 3.6 answers only the first challenge and knows only MD5.
        "earpiece.telephony.digest-algorithms=MD5,SHA-256"})
@Import(ReplayRecognizerConfig.class)
class TelephonyIT {

    static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String REP = "alice";
    private static final String REP_PASSWORD = "wonderland-42";
    /** The rep's phone is on another loopback address, so it is not mistaken for the trunk. */
    private static final String REP_HOST = "127.0.0.2";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCENARIOS = Path.of("target", "telephony-scenarios");
    private static final Set<String> PROVISIONED = ConcurrentHashMap.newKeySet();

    static SynthCall call;
    static KamailioRunner kamailio;
    static int customerPort;

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @Autowired
    TrunkRepository trunks;
    @Autowired
    SipUserRepository users;
    @LocalServerPort
    int httpPort;


    @BeforeAll
    static void carrier() throws Exception {
        call = SynthCall.generate("budget-freeze");
        customerPort = SippRunner.freeUdpPort("127.0.0.1");
        kamailio = KamailioCarrier.start("MD5", customerPort);
    }

    @AfterAll
    static void stopCarrier() {
        if (kamailio != null) {
            kamailio.close();
        }
    }

    private String token;

    WebTestClient http() {
        if (token == null) {
            token = io.earpiece.console.testing.TestAuth.adminToken(httpPort);
        }
        return io.earpiece.console.testing.TestAuth.as(httpPort, token);
    }

    /** The trunk, the rep's SIP account and the DID route, entered through the admin API once per context. */
    @BeforeEach
    void provision() {
        recognizer.use(call.reference());
        if (!PROVISIONED.add(String.valueOf(httpPort))) {
            return;
        }
        http().post().uri("/api/admin/sip-users").bodyValue(Map.of("username", REP, "password", REP_PASSWORD))
                .exchange().expectStatus().isCreated();
        http().post().uri("/api/admin/trunks").bodyValue(Map.of("id", "carrier", "host", "127.0.0.1",
                        "port", kamailio.port(), "username", KamailioCarrier.TRUNK_USER,
                        "password", KamailioCarrier.TRUNK_PASSWORD, "realm", KamailioCarrier.REALM,
                        "callerId", KamailioCarrier.DID, "codecs", List.of("PCMU"),
                        "allowedSources", List.of("127.0.0.1"), "registerIntervalSeconds", 120))
                .exchange().expectStatus().isCreated();
        http().put().uri("/api/admin/did-routes/" + KamailioCarrier.DID).bodyValue(Map.of("rep", REP))
                .exchange().expectStatus().isOk();
        await().atMost(WAIT).until(() -> trunk().status().state(), s -> s.equals("REGISTERED"));
    }

    private RelayedCallChecks checks() {
        return new RelayedCallChecks(http(), call, WAIT);
    }

    AdminViews.TrunkView trunk() {
        return http().get().uri("/api/admin/trunks/carrier").exchange().expectStatus().isOk()
                .expectBody(AdminViews.TrunkView.class).returnResult().getResponseBody();
    }

    @Test
    void secretsAreStoredSealedOrHashedAndNeverReturned() {
        String trunkJson = http().get().uri("/api/admin/trunks").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(trunkJson).doesNotContain(KamailioCarrier.TRUNK_PASSWORD).contains("\"passwordSet\":true")
                .contains("\"state\":\"REGISTERED\"");
        String sealed = trunks.findById("carrier").orElseThrow().getPasswordSealed();
        assertThat(sealed).startsWith("sb1.").doesNotContain(KamailioCarrier.TRUNK_PASSWORD);

        var user = users.findById(REP).orElseThrow();
        assertThat(user.getHa1Md5()).isEqualTo(DigestMath.ha1(DigestAlgorithm.MD5, REP, "earpiece.test", REP_PASSWORD));
        assertThat(user.getHa1Sha256())
                .isEqualTo(DigestMath.ha1(DigestAlgorithm.SHA_256, REP, "earpiece.test", REP_PASSWORD));
        String userJson = http().get().uri("/api/admin/sip-users").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(userJson).contains(REP).doesNotContain(REP_PASSWORD).doesNotContain(user.getHa1Md5());

        http().post().uri("/api/admin/sip-users").bodyValue(Map.of("username", "bob", "password", "short"))
                .exchange().expectStatus().isBadRequest();
        http().put().uri("/api/admin/did-routes/15550009").bodyValue(Map.of("rep", "nobody"))
                .exchange().expectStatus().isBadRequest();
        http().post().uri("/api/admin/trunks").bodyValue(Map.of("id", "bad", "host", "127.0.0.1", "port", 70000,
                "username", "x")).exchange().expectStatus().isBadRequest();
    }

    @Test
    void repDialsTheCustomerThroughTheTrunkAndBothPartiesAreRelayedAndTranscribed() throws Exception {
        long durationMs = Math.round(call.reference().duration_s() * 1000);
        int repPort = SippRunner.freeUdpPort(REP_HOST);
        registerRepDevice(repPort);
        try (SippRunner customer = SippRunner.builder(scenario("answer", call.pcap("customer")))
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort)
                .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).timeout(WAIT.plusMillis(durationMs)).start()) {
            int rep = SippRunner.builder(scenario("rep-call", call.pcap("rep")))
                    .remote("127.0.0.1", gateway.port()).localHost(REP_HOST).localPort(repPort).mediaIp(REP_HOST)
                    .mediaPort(SippRunner.evenFreeUdpPort(REP_HOST)).timeout(WAIT.plusMillis(durationMs))
                    .key("user", REP).key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                    .args("-au", REP, "-ap", REP_PASSWORD, "-d", String.valueOf(durationMs + 1500)).run();
            if (rep != 0) {
                kamailio.dumpLog();
            }
            assertThat(rep).as("rep's sipp exit code").isZero();
            assertThat(customer.awaitExit()).as("customer's sipp exit code").isZero();
        }
        AdminViews.CallDetailView cdr = checks().endedCall("OUTBOUND");
        assertThat(cdr.remote()).isEqualTo(KamailioCarrier.CUSTOMER_NUMBER);
        assertThat(cdr.endedBy()).isEqualTo("REP");
        CallViews.CallDetail detail = checks().assertRelayedAndTranscribed(cdr, REP, "carrier");
        assertThat(detail.from()).startsWith("sip:" + REP + "@");
        assertThat(detail.to()).startsWith("sip:" + KamailioCarrier.CUSTOMER_NUMBER + "@");
    }

    @Test
    void customerCallsTheDidAndTheRepsRegisteredDeviceAnswers() throws Exception {
        int repPort = SippRunner.freeUdpPort(REP_HOST);
        registerRepDevice(repPort);
        checks().customerCallsTheRepsDid(kamailio, REP_HOST, repPort, gateway.port(), SCENARIOS);
        AdminViews.CallDetailView cdr = checks().endedCall("INBOUND");
        assertThat(cdr.remote()).isEqualTo(KamailioCarrier.CUSTOMER_USER);
        assertThat(cdr.endedBy()).isEqualTo("CUSTOMER");
        CallViews.CallDetail detail = checks().assertRelayedAndTranscribed(cdr, REP, "carrier");
        assertThat(detail.from()).startsWith("sip:" + KamailioCarrier.CUSTOMER_USER + "@");
        assertThat(detail.to()).startsWith("sip:" + KamailioCarrier.DID + "@");
    }

    private void registerRepDevice(int repPort) throws IOException {
        assertThat(SippRunner.builder(SippRunner.editedScenario("/sipp/register/register-auth.xml", SCENARIOS, s -> s))
                .remote("127.0.0.1", gateway.port()).localHost(REP_HOST).localPort(repPort).timeout(WAIT)
                .key("user", REP).key("expires", "300").args("-au", REP, "-ap", REP_PASSWORD).run())
                .as("REGISTER with MD5 digest at Earpiece").isZero();
        AdminViews.SipUserView user = http().get().uri("/api/admin/sip-users/" + REP).exchange().expectStatus().isOk()
                .expectBody(AdminViews.SipUserView.class).returnResult().getResponseBody();
        assertThat(user.devices()).extracting(AdminViews.DeviceView::contact)
                .contains("sip:" + REP + "@" + REP_HOST + ":" + repPort + ";transport=udp");
    }

    private static Path scenario(String name, Path pcap) throws IOException {
        return RelayedCallChecks.scenario(name, pcap, SCENARIOS);
    }
}
