package io.earpiece.sip.b2bua;

import io.earpiece.sip.RecordingControllerAccess;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.SipGatewayConfig;
import io.earpiece.sip.SipTransports;
import io.earpiece.sip.register.Registrar;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.timer.SessionTimerConfig;
import io.earpiece.sip.trunk.KamailioCarrier;
import io.earpiece.sip.trunk.TrunkClient;
import io.earpiece.sip.trunk.TrunkConfig;
import io.earpiece.sip.trunk.TrunkRouter;
import io.earpiece.sip.trunk.TrunkStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
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
    /** A private address behind a phone's NAT: TEST-NET-1, where nothing answers. */
    private static final String UNREACHABLE = "192.0.2.1:5099";

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
    private io.earpiece.sip.register.InMemoryBindingStore store;

    /** Tests tagged so run with RFC 4028 timers on both legs: 1800 s asked, a test-only Min-SE of 2 s. */
    private static final String SESSION_TIMERS = "session-timers";
    /** Tests tagged so send alice's calls that none of her devices takes to bob's devices. */
    private static final String FALLBACK_TO_BOB = "fallback-to-bob";
    /** Tests tagged so ring alice's devices for 2 s, then send the call to a voicemail URI ({@link #voicemailPort}). */
    private static final String FALLBACK_TO_VOICEMAIL = "fallback-to-voicemail";
    private static final Duration TEST_NO_ANSWER = Duration.ofSeconds(2);
    private int voicemailPort;
    /** Tests tagged so route reps' calls first through a trunk in an outage ({@link #outagePort}), then the carrier. */
    private static final String TWO_TRUNKS = "two-trunks";
    private int outagePort;
    /** Tests tagged so run the gateway with SIP over TCP beside UDP. */
    private static final String TCP = "tcp";

    @BeforeEach
    void start(TestInfo test) {
        customerPort = SippRunner.freeUdpPort("127.0.0.1");
        kamailio = KamailioCarrier.start("MD5", customerPort);
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT",
                test.getTags().contains(TCP) ? new SipTransports(true, -1, null, null, null) : SipTransports.UDP_ONLY),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        TrunkConfig config = new TrunkConfig("carrier", "127.0.0.1", kamailio.port(), "udp",
                KamailioCarrier.TRUNK_USER, KamailioCarrier.TRUNK_PASSWORD, KamailioCarrier.REALM,
                KamailioCarrier.DID, List.of("PCMU"), List.of("127.0.0.1"), Duration.ofSeconds(60));
        trunk = new TrunkClient(config, gateway.context(), scheduler, Clock.systemUTC());
        Map<String, String> dids = Map.of(KamailioCarrier.DID, "alice");
        voicemailPort = SippRunner.freeUdpPort(REP_HOST);
        RingConfig ring = test.getTags().contains(FALLBACK_TO_BOB)
                ? new RingConfig(Duration.ofSeconds(15), Map.of("alice", RingFallback.parse("rep:bob")), null)
                : test.getTags().contains(FALLBACK_TO_VOICEMAIL)
                ? new RingConfig(TEST_NO_ANSWER, Map.of(), RingFallback.parse(
                        "sip:voicemail@" + REP_HOST + ":" + voicemailPort + ";transport=udp"))
                : RingConfig.NONE;
        B2buaConfig b2buaConfig = new B2buaConfig("bot", SrtpPolicies.fixed(io.earpiece.sip.sdp.SrtpPolicy.OPTIONAL),
                test.getTags().contains(SESSION_TIMERS)
                        ? new SessionTimerConfig(Duration.ofSeconds(1800), Duration.ofSeconds(2))
                        : B2buaConfig.NO_TIMERS, ring);
        outagePort = SippRunner.freeUdpPort("127.0.0.1");
        TrunkConfig outage = new TrunkConfig("outage", "127.0.0.1", outagePort, "udp", "earpiece", "", null, null,
                List.of("PCMU"), List.of("127.0.0.1"), Duration.ZERO);
        TrunkRouter routes = test.getTags().contains(TWO_TRUNKS) ? number -> List.of(outage, trunk.config())
                : number -> List.of(trunk.config());
        RepB2bua installed = RepB2bua.install(gateway, b2buaConfig, trunk, routes, dids, relay,
                new CallDetailListener() {
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
        store = installed.store;
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
    @Tag(TWO_TRUNKS)
    void aRepsCallGoesOutOnTheNextTrunkWhenTheFirstFailsWith503() throws Exception {
        try (SippRunner outage = SippRunner.builder(SippRunner.refusingPeer(503, "Service Unavailable"))
                .localPort(outagePort).timeout(WAIT).start()) {
            RepB2bua.repCallsCustomer(kamailio, customerPort, SippRunner.freeUdpPort("127.0.0.1"), gateway.port(),
                    SippRunner.freeUdpPort(REP_HOST), WAIT);
            assertThat(outage.awaitExit()).as("the first trunk was tried and answered 503").isZero();
        }
        CallDetail d = await().atMost(WAIT).until(() -> ended.isEmpty() ? null : ended.get(0), x -> x != null);
        assertThat(d.trunkId()).as("the call went out on the second trunk").isEqualTo("carrier");
        assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
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
    void aRepsReInviteToAnotherCodecIsPlannedOnceTheCustomerTakesItAndEachLegKeepsItsEventType() throws Exception {
        UdpForwarderRelay.Pair media = recodec(false);
        assertThat(media.formats).as("at the answer: PCMU, 101 for the rep, 96 for the customer; then the re-INVITE: "
                        + "the rep PCMA, the customer (offered 8 96 0) keeps PCMU")
                .containsExactly("A PCMU 0 101", "B PCMU 0 96", "A PCMA 8 101", "B PCMU 0 96");
    }

    @Test
    void aCodecChangingReInviteTheCustomerRefusesChangesNothing() throws Exception {
        UdpForwarderRelay.Pair media = recodec(true);
        assertThat(media.formats).as("only the answer's plan").containsExactly("A PCMU 0 101", "B PCMU 0 96");
    }

    /** The rep (PCMU, events 101) re-INVITEs to PCMA only; the customer (events 96) takes it or {@code refuses}. */
    private UdpForwarderRelay.Pair recodec(boolean refuses) throws IOException {
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        String answer = refuses ? "488 Not Acceptable Here" : "200 OK";
        Path phone = SippRunner.editedScenario("/sipp/b2bua/answer-recodec.xml", Path.of("target", "b2bua-recodec"),
                s -> s.replaceFirst("(?s)(<recv request=\"INVITE\">.*?)SIP/2.0 200 OK", "$1SIP/2.0 " + answer));
        try (SippRunner customer = SippRunner.builder(phone)
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort).mediaPort(customerMedia)
                .timeout(WAIT).start()) {
            int rep = SippRunner.builder(scenario("b2bua/rep-recodec.xml")).remote("127.0.0.1", gateway.port())
                    .localHost(REP_HOST).mediaIp(REP_HOST).mediaPort(SippRunner.freeUdpPort(REP_HOST)).timeout(WAIT)
                    .key("user", "alice").key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                    .args("-au", "alice", "-ap", "wonderland", "-d", "200").run();
            assertThat(rep).as("rep's sipp: answered in its own terms, the re-INVITE answered " + answer).isZero();
            assertThat(customer.awaitExit()).as("customer's sipp: the re-INVITE offered 8 96 0").isZero();
        }
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        return relay.opened.get(0);
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

    @Test
    @Tag(TCP)
    void aPhoneRegisteredOverTcpIsRungOverTcp() throws Exception {
        int repPort = SippRunner.freeUdpPort(REP_HOST);
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        // The phone's Contact names no transport: only the REGISTER's own transport says to ring it over TCP.
        Path register = SippRunner.editedScenario("/sipp/register/register-auth.xml", Path.of("target", "sipp-tcp"),
                xml -> xml.replace(";transport=udp>", ">"));
        assertThat(SippRunner.builder(register).remote("127.0.0.1", gateway.port()).localHost(REP_HOST)
                .localPort(repPort).timeout(WAIT).key("user", "alice").key("expires", "300")
                .args("-au", "alice", "-ap", "wonderland", "-t", "t1").run()).isZero();
        assertThat(registrar.bindings("alice")).singleElement()
                .satisfies(b -> assertThat(b.registeredOver()).isEqualTo("tcp"));
        try (SippRunner phone = SippRunner.builder(scenario("b2bua/answer.xml")).remote("127.0.0.1", gateway.port())
                .localHost(REP_HOST).localPort(repPort).mediaIp(REP_HOST).mediaPort(repMedia).args("-t", "t1")
                .timeout(WAIT).start()) {
            customerCallsTheDid(SippRunner.freeUdpPort("127.0.0.1"));
            assertThat(phone.awaitExit()).as("the TCP phone answered and got the customer's BYE").isZero();
            assertThat(phone.file("messages.log"))
                    .contains("INVITE sip:alice@" + REP_HOST + ":" + repPort + ";transport=tcp SIP/2.0")
                    .containsPattern("Via: SIP/2.0/TCP 127\\.0\\.0\\.1:" + gateway.port())
                    .containsPattern("Contact: <sip:earpiece@127\\.0\\.0\\.1:" + gateway.port()
                            + ";transport=tcp>");
        }
        CallDetail d = await().atMost(WAIT).until(() -> ended.isEmpty() ? null : ended.get(0), x -> x != null);
        assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(relay.opened.get(0).carriedB).as("the rep's leg, for the call's record").startsWith("tcp ");
        assertThat(relay.opened.get(0).remoteB).isEqualTo(new InetSocketAddress(REP_HOST, repMedia));
    }

    @Test
    @Tag(TCP)
    void aPhoneBehindNatIsRungOnTheConnectionItRegisteredItsFlowOverAndTheFlowEndsWithIt() throws Exception {
        int repPort = SippRunner.freeUdpPort(REP_HOST);
        int repMedia = SippRunner.freeUdpPort(REP_HOST);
        // Both the registered Contact and the one in the phone's 200 OK name an address nobody listens on: the
        // INVITE and the BYE can reach the phone only over the connection it registered from.
        Path answer = SippRunner.editedScenario("/sipp/b2bua/answer.xml", Path.of("target", "sipp-outbound"),
                xml -> xml.replace("Contact: <sip:phone@[local_ip]:[local_port];", "Contact: <sip:phone@"
                        + UNREACHABLE + ";"));
        try (SippRunner phone = SippRunner.builder(scenario("b2bua/register-outbound.xml"))
                .remote("127.0.0.1", gateway.port()).localHost(REP_HOST).localPort(repPort).mediaIp(REP_HOST)
                .mediaPort(repMedia).key("user", "alice").key("contact", UNREACHABLE)
                .key("instance", "urn:uuid:4a3e8d0c-5b1f-4c2a-9e77-0d5c1f0b7a21").timeout(Duration.ofMinutes(3))
                .args("-au", "alice", "-ap", "wonderland", "-t", "t1", "-oocsf", answer.toAbsolutePath().toString(),
                        "-d", "180000").start()) {
            io.earpiece.sip.register.Binding b = await().atMost(WAIT).until(
                    () -> registrar.bindings("alice").stream().findFirst().orElse(null), x -> x != null);
            assertThat(b.contact()).contains(UNREACHABLE);
            assertThat(b.flow()).as("the connection it registered over")
                    .isEqualTo(new io.earpiece.sip.flow.Flow(REP_HOST, repPort, "tcp"));
            customerCallsTheDid(SippRunner.freeUdpPort("127.0.0.1"));
            CallDetail d = await().atMost(WAIT).until(() -> ended.isEmpty() ? null : ended.get(0), x -> x != null);
            assertThat(d.disposition()).as("the phone answered on its flow").isEqualTo(CallDetail.Disposition.ANSWERED);
            assertThat(relay.opened.get(0).remoteB).isEqualTo(new InetSocketAddress(REP_HOST, repMedia));
            await().atMost(WAIT).untilAsserted(() -> assertThat(phone.file("messages.log"))
                    .contains("INVITE sip:alice@" + UNREACHABLE + ";transport=tcp;ob SIP/2.0")
                    .contains("BYE sip:phone@" + UNREACHABLE));
            assertThat(phone.isAlive()).as("still registered, waiting on its connection").isTrue();
        }
        // sipp is gone, and its connection with it: the flow's binding goes, nothing rings a dead flow.
        await().atMost(WAIT).until(() -> registrar.bindings("alice").isEmpty());
    }

    @Test
    @Tag(TCP)
    void aStoredFlowWhoseConnectionThisGatewayDoesNotHoldIsNotRung() throws Exception {
        // As after a restart (or on another node): the binding of a flow is stored, its connection is not held here.
        // Something listens where the phone's NAT mapping was; a new connection there could reach anyone.
        try (java.net.ServerSocket stranger = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getByName(REP_HOST))) {
            store.save(new io.earpiece.sip.register.Binding("alice", "sip:alice@" + UNREACHABLE + ";transport=tcp;ob",
                    io.earpiece.sip.register.Binding.source(REP_HOST, stranger.getLocalPort(), "tcp"), "old-call", 1,
                    java.time.Instant.now().plusSeconds(300), "phone",
                    "<urn:uuid:4a3e8d0c-5b1f-4c2a-9e77-0d5c1f0b7a21>", 1));
            int deskPort = SippRunner.freeUdpPort(REP_HOST);
            int deskMedia = SippRunner.freeUdpPort(REP_HOST);
            registerPhone("alice", "wonderland", deskPort);
            assertThat(registrar.bindings("alice")).hasSize(2);
            try (SippRunner desk = phone("b2bua/answer.xml", deskPort, deskMedia)) {
                customerCallsTheDid(SippRunner.freeUdpPort("127.0.0.1"));
                assertThat(desk.awaitExit()).as("the phone registered over UDP took the call").isZero();
            }
            CallDetail d = await().atMost(WAIT).until(() -> ended.isEmpty() ? null : ended.get(0), x -> x != null);
            assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
            // The ringing is long over: had the flow been tried, its connection would wait in the backlog.
            stranger.setSoTimeout(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(stranger::accept)
                    .as("nothing connected to the stale flow's address")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void everyDeviceOfTheRepRingsTheFirstToAnswerTakesTheCallAndTheOtherIsCancelled() {
        int deskPort = SippRunner.freeUdpPort(REP_HOST);
        int softPort = SippRunner.freeUdpPort(REP_HOST);
        int softMedia = SippRunner.freeUdpPort(REP_HOST);
        int customerMedia = SippRunner.freeUdpPort("127.0.0.1");
        registerPhone("alice", "wonderland", deskPort);
        registerPhone("alice", "wonderland", softPort);
        assertThat(registrar.bindings("alice")).hasSize(2);
        // The desk phone rings and is never picked up; the softphone answers.
        try (SippRunner desk = phone("ringing.xml", deskPort, SippRunner.freeUdpPort(REP_HOST));
             SippRunner soft = phone("b2bua/answer.xml", softPort, softMedia)) {
            customerCallsTheDid(customerMedia);
            assertThat(soft.awaitExit()).as("the softphone answered and got the customer's BYE").isZero();
            assertThat(desk.awaitExit()).as("the desk phone rang, then got CANCEL and acknowledged its 487")
                    .isZero();
        }
        CallDetail d = await().atMost(WAIT).until(() -> ended.isEmpty() ? null : ended.get(0), x -> x != null);
        assertThat(d.rep()).isEqualTo("alice");
        assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(relay.opened).hasSize(1);
        assertThat(relay.opened.get(0).remoteB).isEqualTo(new InetSocketAddress(REP_HOST, softMedia));
        assertThat(b2bua.activeCalls()).isZero();
    }

    @Test
    @Tag(FALLBACK_TO_BOB)
    void whenEveryDeviceOfTheRepIsBusyTheCallRingsTheFallbackRep() throws Exception {
        int alice1 = SippRunner.freeUdpPort(REP_HOST);
        int alice2 = SippRunner.freeUdpPort(REP_HOST);
        int bobPort = SippRunner.freeUdpPort(REP_HOST);
        int bobMedia = SippRunner.freeUdpPort(REP_HOST);
        registerPhone("alice", "wonderland", alice1);
        registerPhone("alice", "wonderland", alice2);
        registerPhone("bob", "looking-glass", bobPort);
        try (SippRunner busy1 = phone(SippRunner.refusingPeer(486, "Busy Here"), alice1);
             SippRunner busy2 = phone(SippRunner.refusingPeer(486, "Busy Here"), alice2);
             SippRunner bob = phone("b2bua/answer.xml", bobPort, bobMedia)) {
            customerCallsTheDid(SippRunner.freeUdpPort("127.0.0.1"));
            assertThat(busy1.awaitExit()).isZero();
            assertThat(busy2.awaitExit()).isZero();
            assertThat(bob.awaitExit()).as("bob's phone answered and got the customer's BYE").isZero();
        }
        CallDetail d = await().atMost(WAIT).until(() -> ended.isEmpty() ? null : ended.get(0), x -> x != null);
        assertThat(d.rep()).as("the call is bob's, who took it").isEqualTo("bob");
        assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(relay.opened.get(0).remoteB).isEqualTo(new InetSocketAddress(REP_HOST, bobMedia));
    }

    @Test
    @Tag(FALLBACK_TO_VOICEMAIL)
    void whenNoDeviceAnswersInTimeTheRingingIsCancelledAndTheCallGoesToVoicemail() {
        int deskPort = SippRunner.freeUdpPort(REP_HOST);
        int voicemailMedia = SippRunner.freeUdpPort(REP_HOST);
        registerPhone("alice", "wonderland", deskPort);
        try (SippRunner desk = phone("ringing.xml", deskPort, SippRunner.freeUdpPort(REP_HOST));
             SippRunner voicemail = phone("b2bua/answer.xml", voicemailPort, voicemailMedia)) {
            customerCallsTheDid(SippRunner.freeUdpPort("127.0.0.1"));
            assertThat(desk.awaitExit()).as("the unanswered desk phone was cancelled").isZero();
            assertThat(voicemail.awaitExit()).as("voicemail answered and got the customer's BYE").isZero();
        }
        CallDetail d = await().atMost(WAIT).until(() -> ended.isEmpty() ? null : ended.get(0), x -> x != null);
        assertThat(d.rep()).isEqualTo("alice");
        assertThat(d.disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(Duration.between(d.started(), d.answered())).as("the desk phone rang its full time first")
                .isGreaterThanOrEqualTo(TEST_NO_ANSWER);
        assertThat(relay.opened.get(0).remoteB).isEqualTo(new InetSocketAddress(REP_HOST, voicemailMedia));
    }

    private void registerPhone(String user, String password, int port) {
        RepB2bua.registerPhone(gateway.port(), user, password, port, WAIT);
    }

    /** A phone on {@link #REP_HOST}:{@code port} playing {@code scenario} for one call. */
    private SippRunner phone(String scenario, int port, int media) {
        return SippRunner.builder(scenario(scenario)).remote("127.0.0.1", gateway.port()).localHost(REP_HOST)
                .localPort(port).mediaIp(REP_HOST).mediaPort(media).timeout(WAIT).start();
    }

    /** A phone on {@link #REP_HOST}:{@code port} that refuses one call as {@code scenario} says. */
    private SippRunner phone(Path scenario, int port) {
        return SippRunner.builder(scenario).remote("127.0.0.1", gateway.port()).localHost(REP_HOST)
                .localPort(port).timeout(WAIT).start();
    }

    private void customerCallsTheDid(int customerMedia) {
        RepB2bua.customerDialsTheDid(kamailio, customerMedia, WAIT);
    }
}
