package io.earpiece.sip;

import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.KamailioTls;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.testing.TestCertificates;
import io.earpiece.sip.tls.ClientTrust;
import io.earpiece.sip.tls.TlsFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * kamailio with its tls module as the carrier: sipp calls it over UDP and it relays to Earpiece over TLS, checking
 * Earpiece's certificate and presenting its own; Earpiece requires it (mutual TLS, pinned). A carrier whose
 * certificate is not pinned gets no call through. Skipped without kamailio's tls module
 * ({@code kamailio-tls-modules}), which {@code .ci/run} installs.
 */
class KamailioTlsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    static Path dir;
    static TestCertificates.Issued server;
    static TestCertificates.Issued carrier;
    static TestCertificates.Issued stranger;

    private SipGateway gateway;
    private RecordingController controller;

    @BeforeAll
    static void certificates() throws IOException {
        Files.createDirectories(Path.of("target", "kamailio"));
        dir = Files.createTempDirectory(Path.of("target", "kamailio").toAbsolutePath(), "tls-certs-");
        TestCertificates certs = new TestCertificates(dir);
        server = certs.selfSigned("earpiece");
        carrier = certs.selfSigned("carrier");
        stranger = certs.selfSigned("stranger");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private void startGateway() {
        controller = new RecordingController();
        SipTransports streams = new SipTransports(false, 0, new TlsFiles(server.certificatePem(), server.keyPem(),
                null, null, null, null, List.of(ClientTrust.fingerprint(carrier.certificate()))),
                SipTransports.ClientAuth.NEED, Duration.ZERO);
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT", streams),
                controller, Duration.ofSeconds(2));
        gateway.start();
    }

    private KamailioRunner carrier(TestCertificates.Issued identity) {
        return KamailioTls.relayingCarrier(dir, identity, server, gateway.tlsPort(), WAIT);
    }

    private static Path scenario(String name) {
        try {
            return Path.of(KamailioTlsIT.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void callThroughATlsCarrierIsAnsweredAndEnded() throws IOException {
        assumeTrue(KamailioTls.available(), "kamailio with its tls module");
        startGateway();
        try (KamailioRunner kamailio = carrier(carrier)) {
            int exit = SippRunner.builder(scenario("basic-call.xml")).remote("127.0.0.1", kamailio.port())
                    .key("party", "customer").key("conversation", "tls-carrier").args("-d", "1000").timeout(WAIT)
                    .run();
            if (exit != 0) {
                kamailio.dumpLog();
            }
            assertThat(exit).isZero();
        }
        LegOffer offer = controller.offerFor("tls-carrier");
        assertThat(offer).isNotNull();
        await().atMost(WAIT).until(() -> controller.ended.containsKey(offer.legId()));
        assertThat(controller.ended).containsEntry(offer.legId(), EndReason.REMOTE_BYE);
        assertThat(gateway.counters().requestsOver("tls")).isGreaterThanOrEqualTo(3);
        assertThat(gateway.counters().tlsClientsRefused()).isZero();
    }

    @Test
    void carrierWithAnUnpinnedCertificateGetsNoCallThrough() throws IOException {
        assumeTrue(KamailioTls.available(), "kamailio with its tls module");
        startGateway();
        try (KamailioRunner kamailio = carrier(stranger)) {
            // sipp gives up at its timeout: kamailio cannot reach Earpiece and answers an error or nothing.
            int exit = SippRunner.builder(scenario("basic-call.xml")).remote("127.0.0.1", kamailio.port())
                    .key("party", "customer").key("conversation", "tls-stranger").timeout(Duration.ofSeconds(8))
                    .run();
            assertThat(exit).isNotZero();
        }
        assertThat(controller.opened).isEmpty();
        assertThat(gateway.counters().tlsClientsRefused()).isGreaterThanOrEqualTo(1);
        assertThat(gateway.counters().requestsOver("tls")).isZero();
    }
}
