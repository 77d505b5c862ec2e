package io.earpiece.sip.b2bua;

import io.earpiece.sip.RecordingControllerAccess;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.SipGatewayConfig;
import io.earpiece.sip.register.Registrar;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.timer.SessionTimerConfig;
import io.earpiece.sip.trunk.KamailioCarrier;
import io.earpiece.sip.trunk.TrunkClient;
import io.earpiece.sip.trunk.TrunkConfig;
import io.earpiece.sip.trunk.TrunkStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls through the B2BUA with real peers: sipp as the rep's phone (on 127.0.0.2, so it is not mistaken for the
 * trunk), kamailio as the carrier demanding digest auth, and sipp as the customer's phone behind it.
 */
class B2buaIT {
    private static final String REP_HOST = RepB2bua.REP_HOST;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<CallDetail> ended = new CopyOnWriteArrayList<>();
    private final List<CallDetail> answered = new CopyOnWriteArrayList<>();
    private final UdpForwarderRelay relay = new UdpForwarderRelay();
    private int customerPort;
    private KamailioRunner kamailio;
    private SipGateway gateway;
    private ScheduledExecutorService scheduler;
    private TrunkClient trunk;
    private Registrar registrar;
    private B2bua b2bua;

    /** Tests tagged so run with RFC 4028 timers on both legs: 1800 s asked, a test-only Min-SE of 2 s. */
    private static final String SESSION_TIMERS = "session-timers";

    @BeforeEach
    void start(TestInfo test) {
        customerPort = SippRunner.freeUdpPort("127.0.0.1");
        kamailio = KamailioCarrier.start("MD5", customerPort);
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        TrunkConfig config = new TrunkConfig("carrier", "127.0.0.1", kamailio.port(), "udp",
                KamailioCarrier.TRUNK_USER, KamailioCarrier.TRUNK_PASSWORD, KamailioCarrier.REALM,
                KamailioCarrier.DID, List.of("PCMU"), List.of("127.0.0.1"), Duration.ofSeconds(60));
        trunk = new TrunkClient(config, gateway.context(), scheduler, Clock.systemUTC());
        Map<String, String> dids = Map.of(KamailioCarrier.DID, "alice");
        B2buaConfig b2buaConfig = test.getTags().contains(SESSION_TIMERS)
                ? new B2buaConfig("bot", SrtpPolicies.fixed(io.earpiece.sip.sdp.SrtpPolicy.OPTIONAL),
                        new SessionTimerConfig(Duration.ofSeconds(1800), Duration.ofSeconds(2)))
                : new B2buaConfig("bot");
        RepB2bua installed = RepB2bua.install(gateway, b2buaConfig, trunk, dids, relay, new CallDetailListener() {
            @Override
            public void answered(CallDetail d) {
                answered.add(d);
            }

            @Override
            public void ended(CallDetail d) {
                ended.add(d);
            }
        }, scheduler);
        registrar = installed.registrar;
        b2bua = installed.b2bua;
        trunk.start();
        await().atMost(WAIT).until(() -> trunk.status().state() == TrunkStatus.State.REGISTERED);
    }

    @AfterEach
    void stop() {
        trunk.close();
        scheduler.shutdownNow();
        gateway.close();
        kamailio.close();
    }

    private static Path scenario(String name) {
        return RepB2bua.scenario(name);
    }

    @Test
    void repDialsACustomerThroughTheTrunkAndHangsUp() {
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        RepB2bua.repCallsCustomer(kamailio, customerPort, customerMedia, gateway.port(), repMedia, WAIT);
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        CallDetail d = ended.get(0);
        assertThat(d.direction()).isEqualTo(CallDetail.Direction.OUTBOUND);
        assertThat(d.rep()).isEqualTo("alice");
        assertThat(d.remote()).isEqualTo(KamailioCarrier.CUSTOMER_NUMBER);
        assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(d.finalStatus()).isEqualTo(200);
        assertThat(d.answered()).isAfterOrEqualTo(d.started());
        assertThat(d.ended()).isAfterOrEqualTo(d.answered());
        assertThat(d.endedBy()).isEqualTo(CallDetail.Side.REP);
        UdpForwarderRelay.Pair media = relay.opened.get(0);
        assertThat(media.repIsLegA).isTrue();
        assertThat(media.remoteA).isEqualTo(new InetSocketAddress(REP_HOST, repMedia));
        assertThat(media.remoteB).isEqualTo(new InetSocketAddress("127.0.0.1", customerMedia));
        assertThat(media.closed).isTrue();
    }

    @Test
    void anSrtpRepPhoneGetsEarpiecesOwnKeyAndTheCarrierLegIsNegotiatedOnItsOwn() throws Exception {
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        String repKey = java.util.Base64.getEncoder().encodeToString(new byte[30]).replace("A", "Q");
        Path srtpRep = SippRunner.editedScenario("/sipp/b2bua/rep-call.xml", Path.of("target", "sipp-srtp"),
                xml -> xml.replace("RTP/AVP 0 101", "RTP/SAVP 0 101").replace("a=sendrecv",
                        "a=sendrecv\n      a=crypto:7 AES_CM_128_HMAC_SHA1_32 inline:" + repKey));
        try (SippRunner customer = SippRunner.builder(scenario("b2bua/answer.xml"))
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort).mediaPort(customerMedia)
                .traceMessages(true).timeout(WAIT).start()) {
            SippRunner rep = SippRunner.builder(srtpRep).remote("127.0.0.1", gateway.port())
                    .localHost(REP_HOST).mediaIp(REP_HOST).mediaPort(repMedia).timeout(WAIT)
                    .key("user", "alice").key("dialed", KamailioCarrier.CUSTOMER_NUMBER).traceMessages(true)
                    .args("-au", "alice", "-ap", "wonderland", "-d", "300").start();
            assertThat(rep.awaitExit()).isZero();
            assertThat(customer.awaitExit()).isZero();
            String repLog = rep.file("messages.log");
            assertThat(repLog).as("the rep's answer: RTP/SAVP, its tag and suite, Earpiece's key")
                    .contains("RTP/SAVP 0").contains("a=crypto:7 AES_CM_128_HMAC_SHA1_32 inline:");
            String customerLog = customer.file("messages.log");
            assertThat(customerLog).as("the carrier leg's offer: Earpiece's own best-effort key, never the rep's")
                    .contains("RTP/AVP 0").contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:")
                    .doesNotContain(repKey);
        }
        UdpForwarderRelay.Pair media = relay.opened.get(0);
        assertThat(media.srtpA).isNotNull();
        assertThat(media.srtpA.remoteKeySalt()).isEqualTo(java.util.Base64.getDecoder().decode(repKey));
        assertThat(media.srtpB).as("the customer's sipp answered without a key: clear RTP on that leg").isNull();
        assertThat(media.carriedA).as("the rep's leg, for the call's record").isEqualTo("udp srtp");
        assertThat(media.carriedB).as("the carrier's leg").isEqualTo("udp clear");
    }

    @Test
    void holdAndResumeReInvitesFromTheRepReachTheCustomerWithTheRelaysSdpAndHoldTheRelay() {
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        try (SippRunner customer = SippRunner.builder(scenario("b2bua/answer-hold.xml"))
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort).mediaPort(customerMedia)
                .timeout(WAIT).start()) {
            int rep = SippRunner.builder(scenario("b2bua/rep-hold.xml")).remote("127.0.0.1", gateway.port())
                    .localHost(REP_HOST).mediaIp(REP_HOST).mediaPort(repMedia).timeout(WAIT)
                    .key("user", "alice").key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                    .args("-au", "alice", "-ap", "wonderland", "-d", "200").run();
            if (rep != 0) {
                kamailio.dumpLog();
            }
            assertThat(rep).as("rep's sipp: both re-INVITEs answered 200 with the relay's SDP").isZero();
            assertThat(customer.awaitExit()).as("customer's sipp: both re-INVITEs received from the relay")
                    .isZero();
        }
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        assertThat(ended.get(0).endedBy()).isEqualTo(CallDetail.Side.REP);
        UdpForwarderRelay.Pair media = relay.opened.get(0);
        // The rep (leg A) offered sendonly: A wants no media; the customer answered recvonly and still does.
        assertThat(media.holds).containsExactly("A held requested", "A resumed requested");
        assertThat(media.remoteB).isEqualTo(new InetSocketAddress("127.0.0.1", customerMedia));
    }

    @Test
    @Tag(SESSION_TIMERS)
    void aCustomerRequiringSessionTimersKeepsTheRelayedCallUpAcrossRefreshes() throws Exception {
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        // dial-out's timer carrier, behind kamailio: its 200 keeps the carrier's Record-Route, so the refreshes and
        // their answers pass kamailio (sipp sends everything there)
        Path timerCustomer = SippRunner.editedScenario("/sipp/dial/timer-carrier.xml",
                Path.of("target", "sipp-timer-customer"), xml -> xml.replace(
                        "      Allow: INVITE, ACK, BYE, CANCEL, UPDATE\n",
                        "      Allow: INVITE, ACK, BYE, CANCEL, UPDATE\n      [last_Record-Route:]\n"));
        assertThat(Files.readString(timerCustomer)).contains("[last_Record-Route:]");
        try (SippRunner customer = SippRunner.builder(timerCustomer)
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort).mediaPort(customerMedia)
                .key("se", "4").timeout(WAIT).start();
             SippRunner rep = SippRunner.builder(scenario("b2bua/rep-wait-bye.xml"))
                     .remote("127.0.0.1", gateway.port()).localHost(REP_HOST).mediaIp(REP_HOST).mediaPort(repMedia)
                     .timeout(WAIT).key("user", "alice").key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                     .args("-au", "alice", "-ap", "wonderland").start()) {
            assertThat(customer.awaitExit()).as("customer's sipp: asked for timers, took three UPDATE refreshes, "
                    + "then hung up").isZero();
            assertThat(rep.awaitExit()).as("rep's sipp got the customer's BYE").isZero();
        }
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        CallDetail d = ended.get(0);
        assertThat(d.endedBy()).isEqualTo(CallDetail.Side.CUSTOMER);
        // three refreshes 2 s apart: the call outlived its 4 s interval on refreshes alone
        assertThat(Duration.between(d.answered(), d.ended())).isGreaterThan(Duration.ofSeconds(5));
    }

    @Test
    @Tag(SESSION_TIMERS)
    void aCustomerThatStopsRefreshingIsHungUpOnBothLegsAtExpiry() {
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        try (SippRunner customer = SippRunner.builder(scenario("b2bua/answer-dead-refresher.xml"))
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort).mediaPort(customerMedia)
                .key("se", "6").timeout(WAIT).start();
             SippRunner rep = SippRunner.builder(scenario("b2bua/rep-wait-bye.xml"))
                     .remote("127.0.0.1", gateway.port()).localHost(REP_HOST).mediaIp(REP_HOST).mediaPort(repMedia)
                     .timeout(WAIT).key("user", "alice").key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                     .args("-au", "alice", "-ap", "wonderland").start()) {
            assertThat(customer.awaitExit()).as("customer's sipp got Earpiece's BYE").isZero();
            assertThat(rep.awaitExit()).as("rep's sipp got a BYE too").isZero();
        }
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        CallDetail d = ended.get(0);
        assertThat(d.endedBy()).isEqualTo(CallDetail.Side.SYSTEM);
        assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        // the non-refreshing side hangs up before expiry: 6 s less min(32 s, a third) = 4 s
        assertThat(Duration.between(d.answered(), d.ended())).isBetween(Duration.ofMillis(3500),
                Duration.ofMillis(6000));
        assertThat(relay.opened.get(0).closed).isTrue();
    }

    @Test
    @Tag(SESSION_TIMERS)
    void aRepPhoneThatAskedForTimersAndStopsRefreshingIsHungUpOnBothLegs() throws Exception {
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        Path timerRep = SippRunner.editedScenario("/sipp/b2bua/rep-wait-bye.xml", Path.of("target", "sipp-timer-rep"),
                xml -> xml.replace("      Max-Forwards: 70\n      Content-Type: application/sdp",
                        "      Max-Forwards: 70\n      Supported: timer\n      Session-Expires: 6;refresher=uac\n"
                                + "      Content-Type: application/sdp"));
        assertThat(Files.readString(timerRep)).contains("Session-Expires: 6;refresher=uac");
        try (SippRunner customer = SippRunner.builder(scenario("b2bua/answer.xml"))
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort).mediaPort(customerMedia)
                .timeout(WAIT).start();
             SippRunner rep = SippRunner.builder(timerRep)
                     .remote("127.0.0.1", gateway.port()).localHost(REP_HOST).mediaIp(REP_HOST).mediaPort(repMedia)
                     .timeout(WAIT).key("user", "alice").key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                     .traceMessages(true).args("-au", "alice", "-ap", "wonderland").start()) {
            assertThat(rep.awaitExit()).as("rep's sipp got Earpiece's BYE").isZero();
            assertThat(customer.awaitExit()).as("customer's sipp got a BYE too").isZero();
            assertThat(rep.file("messages.log")).as("the 200 agreed the rep's interval, the rep refreshing")
                    .contains("Session-Expires: 6;refresher=uac").contains("Require: timer");
        }
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        CallDetail d = ended.get(0);
        assertThat(d.endedBy()).isEqualTo(CallDetail.Side.SYSTEM);
        assertThat(Duration.between(d.answered(), d.ended())).isBetween(Duration.ofMillis(3500),
                Duration.ofMillis(6000));
    }

    @Test
    void hangingUpFromOurSideSendsByeOnBothLegs() {
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        try (SippRunner customer = SippRunner.builder(scenario("b2bua/answer.xml"))
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort).mediaPort(customerMedia)
                .timeout(WAIT).start();
             SippRunner rep = SippRunner.builder(scenario("b2bua/rep-wait-bye.xml"))
                     .remote("127.0.0.1", gateway.port()).localHost(REP_HOST).mediaIp(REP_HOST).mediaPort(repMedia)
                     .timeout(WAIT).key("user", "alice").key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                     .args("-au", "alice", "-ap", "wonderland").start()) {
            await().atMost(WAIT).until(() -> !answered.isEmpty());
            b2bua.hangupAll();
            assertThat(rep.awaitExit()).as("rep's sipp received BYE and answered it").isZero();
            assertThat(customer.awaitExit()).as("customer's sipp received BYE and answered it").isZero();
        }
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        assertThat(ended.get(0).endedBy()).isEqualTo(CallDetail.Side.SYSTEM);
        assertThat(ended.get(0).disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(relay.opened.get(0).closed).isTrue();
        assertThat(b2bua.activeCalls()).isZero();
    }

    @Test
    void customerCallsTheDidAndTheRepsRegisteredPhoneAnswers() {
        int repPort = SippRunner.freeUdpPort(REP_HOST);
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        RepB2bua.customerCallsTheDid(kamailio, registrar, gateway.port(), repPort, repMedia, customerMedia, WAIT);
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        CallDetail d = ended.get(0);
        assertThat(d.direction()).isEqualTo(CallDetail.Direction.INBOUND);
        assertThat(d.rep()).isEqualTo("alice");
        assertThat(d.remote()).isEqualTo(KamailioCarrier.CUSTOMER_USER);
        assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(d.endedBy()).isEqualTo(CallDetail.Side.CUSTOMER);
        UdpForwarderRelay.Pair media = relay.opened.get(0);
        assertThat(media.repIsLegA).isFalse();
        assertThat(media.remoteA).isEqualTo(new InetSocketAddress("127.0.0.1", customerMedia));
        assertThat(media.remoteB).isEqualTo(new InetSocketAddress(REP_HOST, repMedia));
    }
}
