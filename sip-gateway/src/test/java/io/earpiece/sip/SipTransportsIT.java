package io.earpiece.sip;

import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.testing.TestCertificates;
import io.earpiece.sip.tls.ClientTrust;
import io.earpiece.sip.tls.TlsFiles;
import io.earpiece.sip.tls.TlsMaterialException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * SIP over TCP and TLS beside UDP: sipp places a call over TCP; hand-written requests over TLS (Debian's sipp is
 * built without OpenSSL) check the SIPS Contact, that answers come back on the request's own connection, mutual TLS
 * and the refusal of {@code sips:} over UDP and TCP.
 */
class SipTransportsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path DIR = Path.of("target", "sip-tls");
    static TestCertificates.Issued server;
    static TestCertificates.Issued client;
    static TestCertificates.Issued stranger;

    private RecordingController controller;
    private SipGateway gateway;

    @BeforeAll
    static void certificates() throws IOException {
        Files.createDirectories(DIR);
        Path dir = Files.createTempDirectory(DIR.toAbsolutePath(), "certs-");
        TestCertificates certs = new TestCertificates(dir);
        server = certs.selfSigned("sip-server");
        client = certs.selfSigned("sip-client");
        stranger = certs.selfSigned("stranger");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private SipGateway start(SipTransports streams) {
        controller = new RecordingController();
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT", streams),
                controller, Duration.ofSeconds(2));
        gateway.start();
        return gateway;
    }

    private static SipTransports tls(SipTransports.ClientAuth auth, List<String> pins) {
        return new SipTransports(true, 0, new TlsFiles(server.certificatePem(), server.keyPem(), null, null, null,
                null, pins), auth, Duration.ZERO);
    }

    private static Path scenario(String name) {
        try {
            return Path.of(SipTransportsIT.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sippCallOverTcpIsAnsweredWithATcpContactAndEndsByBye() throws IOException {
        start(tls(SipTransports.ClientAuth.NONE, List.of()));
        // A 1 s pause before the BYE: sipp takes any 200 for the BYE's, so a 200 to INVITE retransmitted while a
        // loaded machine is slow to take the ACK must arrive during the pause, not after the BYE.
        try (SippRunner sipp = SippRunner.builder(scenario("basic-call.xml")).remote("127.0.0.1", gateway.port())
                .key("party", "rep").key("conversation", "tcp-1").args("-t", "t1", "-d", "1000").timeout(WAIT)
                .start()) {
            assertThat(sipp.awaitExit()).as(sipp.file("errors.log")).isZero();
            String trace = sipp.file("messages.log");
            assertThat(trace).containsPattern("(?i)Contact: <sip:earpiece@127\\.0\\.0\\.1:" + gateway.port()
                    + ";transport=tcp>");
        }
        LegOffer offer = controller.offerFor("tcp-1");
        assertThat(offer).isNotNull();
        assertThat(offer.transport()).as("the transport the call views show").isEqualTo("tcp");
        await().atMost(WAIT).until(() -> controller.ended.containsKey(offer.legId()));
        assertThat(controller.ended).containsEntry(offer.legId(), EndReason.REMOTE_BYE);
        assertThat(gateway.counters().requestsOver("tcp")).isGreaterThanOrEqualTo(3);
        assertThat(gateway.counters().requestsOver("udp")).isZero();
    }

    @Test
    void tlsCallWithASipsUriGetsASipsContactAndEveryAnswerOnItsOwnConnection() throws Exception {
        start(tls(SipTransports.ClientAuth.NONE, List.of()));
        int tlsPort = gateway.tlsPort();
        try (RawStreamPeer peer = RawStreamPeer.tls(tlsPort, server.certificate(), null)) {
            String callId = UUID.randomUUID().toString();
            String target = "sips:bot@127.0.0.1:" + tlsPort;
            peer.send(request("INVITE", target, peer.via("inv1"), callId, 1, null, sdp()));
            String ok = peer.receiveStarting("SIP/2.0 200", WAIT);
            assertThat(ok).as("200 OK over the same TLS connection").isNotNull()
                    .containsPattern("(?i)Contact: <sips:earpiece@127\\.0\\.0\\.1:" + tlsPort + ">");
            String toTag = ok.replaceAll("(?s).*\\nTo:[^\\r\\n]*;tag=([^;\\s>]+).*", "$1");
            peer.send(request("ACK", target, peer.via("ack1"), callId, 1, toTag, null));
            await().atMost(WAIT).until(() -> controller.established.size() == 1);
            peer.send(request("BYE", target, peer.via("bye1"), callId, 2, toTag, null));
            assertThat(peer.receiveStarting("SIP/2.0 200", WAIT)).as("200 to BYE").isNotNull();
        }
        await().atMost(WAIT).until(() -> controller.ended.size() == 1);
        assertThat(controller.ended.values()).containsExactly(EndReason.REMOTE_BYE);
        assertThat(gateway.counters().requestsOver("tls")).isGreaterThanOrEqualTo(3);
    }

    /**
     * RFC 3261 17.2.3: a request matches a server transaction by branch, sent-by and method. A client that sends
     * over TCP what it sent over UDP moments before (same branch, Call-ID, CSeq, From tag; RFC 4475's messages do)
     * opens a new transaction and is answered on its connection, while a UDP retransmission still joins the first.
     */
    @Test
    void theSameRequestResentOverTcpIsAnsweredOnTheConnection() throws Exception {
        start(tls(SipTransports.ClientAuth.NONE, List.of()));
        String callId = UUID.randomUUID().toString();
        String target = "sip:bot@127.0.0.1:" + gateway.port();
        try (RawUdpPeer udp = new RawUdpPeer(gateway.port())) {
            String sent = request("OPTIONS", target, udp.via("resent1"), callId, 7, null, null);
            udp.send(sent);
            String first = udp.receive(t -> t.startsWith("SIP/2.0 200"), WAIT);
            assertThat(first).as("200 over UDP").isNotNull();
            udp.send(sent);
            assertThat(udp.receive(t -> t.startsWith("SIP/2.0 200"), WAIT)).as("the retransmission's 200")
                    .isEqualTo(first);
            try (RawStreamPeer tcp = RawStreamPeer.tcp(gateway.port())) {
                tcp.send(request("OPTIONS", target, tcp.via("resent1"), callId, 7, null, null));
                assertThat(tcp.receiveStarting("SIP/2.0 200", WAIT)).as("200 on the TCP connection").isNotNull()
                        .contains("CSeq: 7 OPTIONS");
            }
        }
    }

    @Test
    void sipsRequestOverUdpOrTcpIsRefusedWith416() throws Exception {
        start(tls(SipTransports.ClientAuth.NONE, List.of()));
        try (RawUdpPeer udp = new RawUdpPeer(gateway.port())) {
            udp.send(request("INVITE", "sips:bot@127.0.0.1:" + gateway.port(), udp.via("s1"),
                    UUID.randomUUID().toString(), 1, null, sdp()));
            String answer = udp.receive(t -> t.startsWith("SIP/2.0 4"), WAIT);
            assertThat(answer).startsWith("SIP/2.0 416 Unsupported URI Scheme (sips: needs TLS, this came over UDP)");
        }
        try (RawStreamPeer tcp = RawStreamPeer.tcp(gateway.port())) {
            tcp.send(request("OPTIONS", "sips:bot@127.0.0.1:" + gateway.port(), tcp.via("s2"),
                    UUID.randomUUID().toString(), 1, null, null));
            assertThat(tcp.receive(WAIT)).startsWith("SIP/2.0 416");
        }
        assertThat(controller.opened).isEmpty();
    }

    @Test
    void mutualTlsServesAPinnedClientAndRefusesAnUntrustedOne() throws Exception {
        start(tls(SipTransports.ClientAuth.NEED, List.of(ClientTrust.fingerprint(client.certificate()))));
        try (RawStreamPeer pinned = RawStreamPeer.tls(gateway.tlsPort(), server.certificate(), client)) {
            pinned.send(request("OPTIONS", "sip:bot@127.0.0.1", pinned.via("o1"), UUID.randomUUID().toString(), 1,
                    null, null));
            assertThat(pinned.receive(WAIT)).startsWith("SIP/2.0 200");
        }
        for (TestCertificates.Issued who : new TestCertificates.Issued[] {stranger, null}) {
            String answer;
            try (RawStreamPeer untrusted = RawStreamPeer.tls(gateway.tlsPort(), server.certificate(), who)) {
                // With TLS 1.3 the client finishes its side first and learns of the refusal on its next read.
                untrusted.send(request("OPTIONS", "sip:bot@127.0.0.1", untrusted.via("o2"),
                        UUID.randomUUID().toString(), 1, null, null));
                answer = untrusted.receive(WAIT);
            } catch (IOException e) {
                answer = null;
            }
            assertThat(answer).as("an answer to a client with certificate " + who).isNull();
        }
        await().atMost(WAIT).until(() -> gateway.counters().tlsClientsRefused() >= 1);
        // A refused handshake costs that connection only: the listener still serves the pinned client.
        try (RawStreamPeer again = RawStreamPeer.tls(gateway.tlsPort(), server.certificate(), client)) {
            again.send(request("OPTIONS", "sip:bot@127.0.0.1", again.via("o3"), UUID.randomUUID().toString(), 1,
                    null, null));
            assertThat(again.receive(WAIT)).startsWith("SIP/2.0 200");
        }
    }

    @Test
    void floodLimitAppliesToRequestsOverTls() throws Exception {
        controller = new RecordingController();
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT",
                tls(SipTransports.ClientAuth.NONE, List.of())), controller, Duration.ofSeconds(2),
                new FloodGuard(java.time.Clock.systemUTC(), 0.01, 2));
        gateway.start();
        try (RawStreamPeer peer = RawStreamPeer.tls(gateway.tlsPort(), server.certificate(), null)) {
            for (int i = 0; i < 3; i++) {
                peer.send(request("INVITE", "sip:bot@127.0.0.1", peer.via("f" + i), UUID.randomUUID().toString(),
                        1, null, sdp()));
            }
            String refused = peer.receiveStarting("SIP/2.0 503", WAIT);
            assertThat(refused).as("503 for the third INVITE").isNotNull().containsIgnoringCase("Retry-After");
        }
        assertThat(gateway.counters().refused("flood")).isEqualTo(1);
        // the two admitted legs open on the answering threads, possibly after the third INVITE's 503 came back
        await().atMost(WAIT).untilAsserted(() -> assertThat(controller.opened).hasSize(2));
    }

    @Test
    void aKeyThatIsNotTheCertificatesStopsTheStartNamingTheFile() {
        SipTransports wrong = new SipTransports(false, 0, TlsFiles.pem(server.certificatePem(), stranger.keyPem()),
                SipTransports.ClientAuth.NONE, Duration.ZERO);
        SipGateway g = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT", wrong),
                new RecordingController(), Duration.ofSeconds(2));
        assertThatThrownBy(g::start).isInstanceOf(TlsMaterialException.class)
                .hasMessageContaining(stranger.keyPem().toString())
                .hasMessageContaining("does not match the certificate in " + server.certificatePem());
        g.close();
    }

    static String sdp() {
        return "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 45998 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    static String request(String method, String uri, String via, String callId, int cseq, String toTag, String body) {
        String b = body == null ? "" : body;
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:peer@127.0.0.1>;tag=peer1\r\n"
                + "To: <" + uri + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:peer@127.0.0.1:9;transport=tls>\r\n"
                + "X-Earpiece-Conversation: " + callId + "\r\n"
                + (body == null ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + b.length() + "\r\n\r\n" + b;
    }
}
