package io.earpiece.console.call;

import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may place bot legs, through the whole server: the dialer at 127.0.0.1 is trusted, 127.0.0.2 and 127.0.0.3
 * are strangers (sipp and a bare socket bind them; all of 127/8 is loopback on Linux). Telephony is off, so the
 * bot's door and the gateway's flood limit stand alone, with no registrar or B2BUA in front.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=45100", "earpiece.rtp.port-max=45199",
        "earpiece.data-dir=target/it-data/bot-access", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:botaccess;DB_CLOSE_DELAY=-1",
        "earpiece.sip.bot.trusted-sources=127.0.0.1/32",
        "earpiece.sip.bot.max-calls-per-source=1",
        "earpiece.telephony.enabled=false",
        "earpiece.telephony.flood.rate-per-second=0.1", "earpiece.telephony.flood.burst=10"})
class BotLegAccessIT {
    static final String TRUSTED = "127.0.0.1";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    SipGateway gateway;
    @LocalServerPort
    int httpPort;

    SippRunner.Builder sipp(Path scenario, String from, String rep, String conversation) {
        return SippRunner.builder(scenario).remote(TRUSTED, gateway.port()).localHost(from)
                .mediaPort(SippRunner.evenFreeUdpPort(from)).key("rep", rep).key("conversation", conversation)
                .timeout(WAIT);
    }

    static Path scenario(String name) {
        try {
            return Path.of(BotLegAccessIT.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path refused(int status) throws IOException {
        return SippRunner.editedScenario("/sipp/rep-leg-refused.xml", Path.of("target", "bot-access"),
                t -> t.replace("@STATUS@", String.valueOf(status)));
    }

    List<CallViews.CallSummary> calls(WebTestClient as) {
        return as.get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody();
    }

    static boolean has(List<CallViews.CallSummary> calls, String conversation) {
        return calls.stream().anyMatch(c -> c.conversationId().startsWith(conversation));
    }

    @Test
    void aSpoofedRepFromAnUntrustedSourceGets403AndNoCallInTheRepsList() throws Exception {
        TestAuth.user(httpPort, "rita", "REP", null, "rita", null);
        WebTestClient rita = TestAuth.asUser(httpPort, "rita");
        WebTestClient admin = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
        String spoofed = "spoofed-" + UUID.randomUUID();

        assertThat(sipp(refused(403), "127.0.0.2", "rita", spoofed).run()).as("403 to the stranger").isZero();

        assertThat(has(calls(rita), spoofed)).isFalse();
        assertThat(has(calls(admin), spoofed)).as("no call at all, not just a hidden one").isFalse();
        assertThat(gateway.activeLegs()).isZero();
        String metrics = admin.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("earpiece_sip_refused_total\\{[^}]*reason=\"untrusted_source\"[^}]*} [1-9]");

        // The same leg from the trusted dialer is the rep's call: the check above is not vacuous.
        String genuine = "genuine-" + UUID.randomUUID();
        assertThat(sipp(scenario("rep-leg.xml"), TRUSTED, "rita", genuine).args("-d", "200").run()).isZero();
        await().atMost(WAIT).until(() -> has(calls(rita), genuine));
    }

    @Test
    void aSourceOverItsQuotaGets503WhileItsFirstCallGoesOn() throws Exception {
        long before = gateway.counters().refused("source_quota");
        try (SippRunner held = sipp(scenario("rep-leg.xml"), TRUSTED, "quinn", "held-" + UUID.randomUUID())
                .args("-d", "5000").start()) {
            await().atMost(WAIT).until(() -> gateway.activeLegs() == 1);

            assertThat(sipp(refused(503), TRUSTED, "quinn", "second-" + UUID.randomUUID()).run()).isZero();
            assertThat(gateway.counters().refused("source_quota")).isEqualTo(before + 1);
            assertThat(gateway.activeLegs()).isEqualTo(1);
            assertThat(held.awaitExit()).as("the first call is untouched").isZero();
        }
    }

    @Test
    void botInvitesAreFloodLimitedPerSourceWithTelephonyOff() throws Exception {
        int sent = 30;
        int rateLimited = 0;
        int forbidden = 0;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0))) {
            socket.setSoTimeout(2000);
            InetSocketAddress server = new InetSocketAddress(TRUSTED, gateway.port());
            for (int i = 0; i < sent; i++) {
                byte[] invite = invite(socket.getLocalPort(), "flood-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(invite, invite.length, server));
            }
            byte[] buf = new byte[65536];
            while (rateLimited + forbidden < sent) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                String r = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                if (r.startsWith("SIP/2.0 503 Rate limited")) {
                    assertThat(r).contains("Retry-After:");
                    rateLimited++;
                } else if (r.startsWith("SIP/2.0 403")) {
                    forbidden++;
                }
            }
        }
        assertThat(forbidden).as("the burst reaches the bot's door, which refuses the stranger").isBetween(10, 12);
        assertThat(rateLimited).as("the rest is refused before any work").isEqualTo(sent - forbidden);
        assertThat(gateway.counters().refused("flood")).isGreaterThanOrEqualTo(sent - 12);
    }

    static String invite(int localPort, String callId) {
        String body = "v=0\r\no=x 1 1 IN IP4 127.0.0.3\r\ns=-\r\nc=IN IP4 127.0.0.3\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n";
        return "INVITE sip:assistant@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.3:" + localPort + ";branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:rita@127.0.0.3>;tag=" + callId + "\r\n"
                + "To: <sip:assistant@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:rita@127.0.0.3:" + localPort + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + "X-Earpiece-Party: rep\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }
}
