package io.earpiece.console.telephony;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.KamailioTls;
import io.earpiece.sip.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bot-leg calls over the stream transports through the whole server, answered, recorded and transcribed (replay
 * recognizer): sipp over TCP straight to Earpiece, and sipp through kamailio, which relays to Earpiece over TLS
 * (Debian's sipp has no TLS of its own). The per-transport request counter shows which transport carried them.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=45400", "earpiece.rtp.port-max=45499",
        "earpiece.data-dir=target/it-data/sip-transports", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:siptransports;DB_CLOSE_DELAY=-1",
        "earpiece.live.capacity=8",
        "earpiece.sip.tcp.enabled=true", "earpiece.sip.tls.enabled=true", "earpiece.sip.tls.port=0"})
@Import(ReplayRecognizerConfig.class)
class SipTransportCallIT {
    static final Path DIR = Path.of("target", "it-data", "sip-transports-certs");
    static TestCertificates.Issued server;
    static TestCertificates.Issued carrier;
    static SynthCall call;

    @DynamicPropertySource
    static void certificate(DynamicPropertyRegistry registry) {
        try {
            TestCertificates certs = new TestCertificates(DIR);
            server = certs.selfSigned("earpiece-sip");
            carrier = certs.selfSigned("carrier");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("earpiece.sip.tls.certificate", () -> server.certificatePem().toAbsolutePath().toString());
        registry.add("earpiece.sip.tls.private-key", () -> server.keyPem().toAbsolutePath().toString());
    }


    @BeforeAll
    static void fixtures() throws Exception {
        call = SynthCall.generate("budget-freeze");
    }

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @LocalServerPort
    int httpPort;

    WebTestClient http() {
        return TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
    }

    @Test
    void callOverTcpIsAnsweredAndTranscribed() throws Exception {
        recognizer.use(call.reference());
        String conv = "tcp-" + UUID.randomUUID();
        try (SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", gateway.port(), 1, "-t", "t1")) {
            legs.awaitSuccess(Duration.ofSeconds((long) call.reference().duration_s() + 60));
        }
        assertTranscribed(conv);
        assertThat(metric("tcp")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void callThroughATlsCarrierIsAnsweredAndTranscribed() throws Exception {
        assumeTrue(KamailioTls.available(), "kamailio with its tls module");
        recognizer.use(call.reference());
        String conv = "tls-" + UUID.randomUUID();
        try (KamailioRunner kamailio = tlsCarrier();
             SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", kamailio.port(), 1)) {
            legs.awaitSuccess(Duration.ofSeconds((long) call.reference().duration_s() + 60));
        }
        assertTranscribed(conv);
        assertThat(metric("tls")).isGreaterThanOrEqualTo(6);
    }

    private KamailioRunner tlsCarrier() {
        return KamailioTls.relayingCarrier(DIR, carrier, server, gateway.tlsPort(), Duration.ofSeconds(20));
    }

    private void assertTranscribed(String conv) {
        CallViews.CallSummary ended = await().atMost(Duration.ofSeconds(60)).until(
                () -> http().get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                        .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                        .returnResult().getResponseBody().stream()
                        .filter(c -> c.conversationId().startsWith(conv)).findFirst().orElse(null),
                c -> c != null && c.status().equals("ENDED"));
        CallViews.CallDetail detail = http().get().uri("/api/calls/" + ended.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        assertThat(detail.parties()).extracting(CallViews.PartyView::party)
                .containsExactlyInAnyOrder("rep", "customer");
        for (CallViews.PartyView p : detail.parties()) {
            LiveSegments.assertCover(p.party(),
                    detail.segments().stream().filter(s -> s.party().equals(p.party())).toList(),
                    call.reference().of(p.party()), 300.0);
        }
    }

    private double metric(String transport) {
        String text = http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "earpiece_sip_transport_requests_total\\{transport=\"" + transport + "\"} ([0-9.E]+)").matcher(text);
        assertThat(m.find()).as("per-transport counter in %s", text.lines()
                .filter(l -> l.startsWith("earpiece_sip_transport")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
