package io.earpiece.sip.b2bua;

import io.earpiece.sip.RecordingControllerAccess;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.SipGatewayConfig;
import io.earpiece.sip.SipTransports;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.KamailioTls;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.testing.TestCertificates;
import io.earpiece.sip.tls.ClientTrust;
import io.earpiece.sip.tls.TlsFiles;
import io.earpiece.sip.trunk.KamailioCarrier;
import io.earpiece.sip.trunk.TrunkClient;
import io.earpiece.sip.trunk.TrunkConfig;
import io.earpiece.sip.trunk.TrunkStatus;
import io.earpiece.sip.trunk.TrunkTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A trunk over TLS to kamailio (its tls module) as the carrier, which requires Earpiece's client certificate
 * (mutual TLS): Earpiece registers over TLS, checking the carrier's self-signed certificate against the trunk's pin,
 * and relays a rep's call out over it to a customer's sipp behind the carrier. A pin that does not match the
 * carrier's certificate fails the registration with the reason in the trunk's status.
 */
class TlsTrunkIT {
    private static final String REP_HOST = RepB2bua.REP_HOST;
    private static final Duration WAIT = Duration.ofSeconds(20);
    static Path dir;
    static TestCertificates.Issued carrier;
    static TestCertificates.Issued stranger;
    static TestCertificates.Issued misnamed;
    static TestCertificates.Issued earpieceServer;
    static TestCertificates.Issued earpieceClient;

    private final List<CallDetail> ended = new CopyOnWriteArrayList<>();
    private final UdpForwarderRelay relay = new UdpForwarderRelay();
    private int customerPort;
    private KamailioRunner kamailio;
    private SipGateway gateway;
    private ScheduledExecutorService scheduler;
    private TrunkClient trunk;

    @BeforeAll
    static void certificates() throws IOException {
        Files.createDirectories(Path.of("target", "kamailio"));
        dir = Files.createTempDirectory(Path.of("target", "kamailio").toAbsolutePath(), "tls-trunk-");
        TestCertificates certs = new TestCertificates(dir);
        carrier = certs.selfSigned("carrier");
        stranger = certs.selfSigned("stranger");
        misnamed = certs.selfSigned("misnamed", "dns:sip.carrier.example");
        earpieceServer = certs.selfSigned("earpiece");
        earpieceClient = certs.selfSigned("earpiece-client");
    }

    @BeforeEach
    void start() {
        assumeTrue(KamailioTls.available(), "kamailio with its tls module");
        customerPort = SippRunner.freeUdpPort("127.0.0.1");
        kamailio = KamailioCarrier.startTls("MD5", customerPort, SippRunner.freeUdpPort("127.0.0.1"),
                KamailioTls.settings(dir, carrier, earpieceServer, earpieceClient));
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT",
                new SipTransports(false, 0, TlsFiles.pem(earpieceServer.certificatePem(), earpieceServer.keyPem()),
                        SipTransports.ClientAuth.NONE, Duration.ZERO)),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        if (trunk != null) {
            trunk.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (kamailio != null) {
            kamailio.close();
        }
    }

    private int kamailioTlsPort() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("listen=tls:127\\.0\\.0\\.1:(\\d+)")
                .matcher(readConfig());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private String readConfig() {
        try {
            return Files.readString(kamailio.workDir().resolve("kamailio.cfg"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TrunkClient trunk(TrunkTls tls) {
        TrunkConfig config = new TrunkConfig("carrier", "127.0.0.1", kamailioTlsPort(), "tls",
                KamailioCarrier.TRUNK_USER, KamailioCarrier.TRUNK_PASSWORD, KamailioCarrier.REALM,
                KamailioCarrier.DID, List.of("PCMU"), List.of("127.0.0.1"), Duration.ofSeconds(60), tls);
        trunk = new TrunkClient(config, gateway.context(), scheduler, Clock.systemUTC(), Duration.ofMillis(500),
                Duration.ofSeconds(5));
        return trunk;
    }

    private static TrunkTls pinned(TestCertificates.Issued server) {
        return new TrunkTls(ClientTrust.fingerprint(server.certificate()), null,
                earpieceClient.certificatePem(), earpieceClient.keyPem());
    }


    @Test
    void registersOverTlsAndRelaysACallOut() {
        trunk(pinned(carrier)).start();
        await().atMost(WAIT).until(() -> trunk.status().state() == TrunkStatus.State.REGISTERED);
        assertThat(kamailio.logText()).as("REGISTER to a sips: registrar, over TLS")
                .containsPattern("request REGISTER sips:127\\.0\\.0\\.1:\\d+ from 127\\.0\\.0\\.1:\\d+ over tls");

        RepB2bua.install(gateway, new B2buaConfig("bot"), trunk, Map.of(KamailioCarrier.DID, "alice"), relay,
                new CallDetailListener() {
                    @Override
                    public void ended(CallDetail d) {
                        ended.add(d);
                    }
                }, scheduler);
        RepB2bua.repCallsCustomer(kamailio, customerPort, SippRunner.freeUdpPort("127.0.0.1"), gateway.port(),
                SippRunner.freeUdpPort(REP_HOST), WAIT);
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        assertThat(ended.get(0).disposition()).isEqualTo(CallDetail.Disposition.ANSWERED);
        assertThat(kamailio.logText()).as("the outgoing leg: INVITE and BYE over TLS")
                .containsPattern("request INVITE sips:" + KamailioCarrier.CUSTOMER_NUMBER
                        + "@127\\.0\\.0\\.1:\\d+ from 127\\.0\\.0\\.1:\\d+ over tls")
                .containsPattern("request BYE \\S+ from 127\\.0\\.0\\.1:\\d+ over tls");
        assertThat(relay.opened.get(0).carriedA).as("the rep's phone, over UDP").isEqualTo("udp clear");
        assertThat(relay.opened.get(0).carriedB).as("the carrier's leg, over the trunk's TLS").isEqualTo("tls clear");
    }

    @Test
    void aCustomersCallFromTheTlsCarrierIsAnsweredWithASipsContactSoTheDialogStaysOnTls() {
        trunk(pinned(carrier)).start();
        await().atMost(WAIT).until(() -> trunk.status().state() == TrunkStatus.State.REGISTERED);
        RepB2bua rep = RepB2bua.install(gateway, new B2buaConfig("bot"), trunk,
                Map.of(KamailioCarrier.DID, "alice"), relay, new CallDetailListener() {
                    @Override
                    public void ended(CallDetail d) {
                        ended.add(d);
                    }
                }, scheduler);
        RepB2bua.customerCallsTheDid(kamailio, rep.registrar, gateway.port(), SippRunner.freeUdpPort(REP_HOST),
                SippRunner.freeUdpPort(REP_HOST), SippRunner.freeUdpPort("127.0.0.1"), WAIT);
        await().atMost(WAIT).until(() -> !ended.isEmpty());
        assertThat(ended.get(0).direction()).isEqualTo(CallDetail.Direction.INBOUND);
        assertThat(relay.opened.get(0).carriedA).as("the carrier's leg came over TLS").isEqualTo("tls clear");
        assertThat(ended.get(0).endedBy()).as("the customer's BYE reached the B2BUA")
                .isEqualTo(CallDetail.Side.CUSTOMER);
        // The customer's in-dialog requests are addressed to the Contact of Earpiece's 200, relayed by the carrier.
        String ourTlsContact = "sips:alice@127\\.0\\.0\\.1:" + gateway.context().ports().tls();
        assertThat(kamailio.logText()).as("the 200's Contact, as the customer's ACK and BYE address it")
                .containsPattern("request ACK " + ourTlsContact + " ")
                .containsPattern("request BYE " + ourTlsContact + " ")
                .doesNotContainPattern("request (ACK|BYE) sip:alice@");
    }

    @Test
    void aCaIssuedCarrierCertificateMustNameTheTrunksHost() {
        // Trusted by CA (the certificates are their own issuers here), so only the name tells them apart.
        trunk(new TrunkTls(null, carrier.certificatePem(), earpieceClient.certificatePem(),
                earpieceClient.keyPem())).start();
        await().atMost(WAIT).until(() -> trunk.status().state() == TrunkStatus.State.REGISTERED);
        trunk.close();
        kamailio.close();
        kamailio = KamailioCarrier.startTls("MD5", customerPort, SippRunner.freeUdpPort("127.0.0.1"),
                KamailioTls.settings(dir, misnamed, earpieceServer, earpieceClient));
        trunk(new TrunkTls(null, misnamed.certificatePem(), earpieceClient.certificatePem(),
                earpieceClient.keyPem())).start();
        await().atMost(WAIT).until(() -> trunk.status().state() == TrunkStatus.State.FAILING);
        assertThat(trunk.status().lastReason()).as(trunk.status().toString())
                .contains("TLS").contains("CN=misnamed").contains("does not name 127.0.0.1")
                .contains("sip.carrier.example");
        assertThat(kamailio.logText()).doesNotContain("request REGISTER");
    }

    @Test
    void aCarrierRefusingOurClientCertificateUnderTls13SaysSoInTheStatus() {
        // kamailio trusts only earpieceClient; under TLS 1.3 our handshake ends before it checks, so the REGISTER
        // itself just goes unanswered (Timer F, 32 s) and the reason comes from the alert. Before this, the status
        // said only "no response".
        trunk(new TrunkTls(ClientTrust.fingerprint(carrier.certificate()), null, stranger.certificatePem(),
                stranger.keyPem())).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> trunk.status().state() == TrunkStatus.State.FAILING);
        assertThat(trunk.status().lastReason()).as(trunk.status().toString())
                .contains("no response from 127.0.0.1:")
                // kamailio names its CAs in the request, so the JDK shows nothing and kamailio says it needs one
                .contains("the carrier requires a client certificate issued by a CA it names, and the trunk's is "
                        + "not (TLS alert certificate_required)");
    }

    @Test
    void aCarrierCertificateThatDoesNotMatchThePinFailsWithTheReasonInTheStatus() {
        trunk(pinned(stranger)).start();
        await().atMost(WAIT).until(() -> trunk.status().state() == TrunkStatus.State.FAILING);
        assertThat(trunk.status().lastReason()).as(trunk.status().toString())
                .contains("TLS").contains("does not match the pinned certificate")
                .contains(ClientTrust.fingerprint(carrier.certificate()));
        assertThat(kamailio.logText()).doesNotContain("request REGISTER");
    }
}
