package io.earpiece.sip;

import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.Party;
import io.earpiece.sip.call.RecordingInfo;
import io.earpiece.sip.call.RecordingParticipant;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SessionDescription;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.testing.TestCertificates;
import io.earpiece.sip.tls.TlsFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIPREC over the stream transports: sipp sends a recording session over TCP ({@code -t t1}); over TLS (Debian's
 * sipp has no TLS) a hand-written client offers both streams as SRTP with {@code a=crypto}, pauses them with a
 * re-INVITE and hangs up. Every answer must come back on the request's own connection, with the Contact of its
 * transport, and each stream must become a leg with its party (and, over TLS, the client's SRTP key).
 */
class SiprecTransportsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path DIR = Path.of("target", "siprec-tls");
    private static TestCertificates.Issued server;

    private RecordingController controller;
    private SipGateway gateway;

    @BeforeAll
    static void certificates() throws IOException {
        Files.createDirectories(DIR);
        server = new TestCertificates(Files.createTempDirectory(DIR.toAbsolutePath(), "certs-")).selfSigned("srs");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private void start() {
        controller = new RecordingController();
        AtomicInteger port = new AtomicInteger(42_000);
        controller.opener = offer -> new io.earpiece.sip.call.LegMedia(
                new InetSocketAddress("127.0.0.1", port.addAndGet(2)));
        SipTransports streams = new SipTransports(true, 0, new TlsFiles(server.certificatePem(), server.keyPem(), null,
                null, null, null, List.of()), SipTransports.ClientAuth.NONE, Duration.ZERO);
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT", streams),
                controller, Duration.ofSeconds(2));
        gateway.start();
    }

    private static Path scenario(String name) {
        try {
            return Path.of(SiprecTransportsIT.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sippRecordingSessionOverTcpIsAnsweredOnItsConnectionAndRecordedAsRepAndCustomer() throws IOException {
        start();
        String callId;
        try (SippRunner sipp = SippRunner.builder(scenario("siprec-session.xml")).remote("127.0.0.1", gateway.port())
                .mediaPort(SippRunner.evenFreeUdpPort("127.0.0.1")).args("-t", "t1", "-d", "1000").timeout(WAIT)
                .start()) {
            assertThat(sipp.awaitExit()).as(sipp.file("errors.log")).isZero();
            String trace = sipp.file("messages.log");
            assertThat(trace).containsPattern("(?i)Contact: <sip:earpiece@127\\.0\\.0\\.1:" + gateway.port()
                    + ";transport=tcp>");
            callId = trace.replaceAll("(?s).*?\\nCall-ID: ([^\\r\\n]+).*", "$1").trim();
        }
        List<LegOffer> legs = controller.opened.stream().filter(o -> o.conversationId().equals(callId)).toList();
        assertThat(legs).extracting(LegOffer::legId, LegOffer::party)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(callId + "/1", Party.CUSTOMER),
                        org.assertj.core.groups.Tuple.tuple(callId + "/2", Party.REP));
        assertThat(legs).extracting(LegOffer::transport).containsOnly("tcp");
        RecordingInfo info = controller.recordings.get(callId);
        assertThat(info.recordingSessionId()).isEqualTo("rs-" + callId);
        assertThat(info.participants()).extracting(RecordingParticipant::aor)
                .containsExactly("sip:+15550001111@carrier.example", "sip:2001@pbx.example");
        await().atMost(WAIT).until(() -> legs.stream().allMatch(l -> controller.ended.get(l.legId()) != null));
        assertThat(legs).allSatisfy(l -> assertThat(controller.ended.get(l.legId())).isEqualTo(EndReason.REMOTE_BYE));
        assertThat(gateway.counters().requestsOver("tcp")).isGreaterThanOrEqualTo(3);
        assertThat(gateway.counters().requestsOver("udp")).isZero();
    }

    @Test
    void srtpRecordingSessionOverTlsIsAnsweredKeyedPausedAndEndedOnItsOwnConnection() throws Exception {
        start();
        int tlsPort = gateway.tlsPort();
        String callId = UUID.randomUUID().toString();
        byte[] key1 = key(1);
        byte[] key2 = key(2);
        try (RawStreamPeer peer = RawStreamPeer.tls(tlsPort, server.certificate(), null)) {
            String target = "sips:srs@127.0.0.1:" + tlsPort;
            peer.send(invite(target, peer.via("rec1"), callId, 1, null, true, multipart(sdp(key1, key2, "sendonly"))));
            String ok = peer.receiveStarting("SIP/2.0 200", WAIT);
            assertThat(ok).as("200 OK over the same TLS connection").isNotNull()
                    .containsPattern("(?i)Contact: <sips:earpiece@127\\.0\\.0\\.1:" + tlsPort + ">");
            SessionDescription answer = sdpOf(ok);
            assertThat(answer.media()).hasSize(2);
            for (MediaDescription m : answer.media()) {
                assertThat(m.protocol()).isEqualTo("RTP/SAVP");
                assertThat(m.attribute("crypto")).as("Earpiece's key for %s", m.attribute("label"))
                        .hasValueSatisfying(c -> assertThat(c).matches("[17] AES_CM_128_HMAC_SHA1_80 inline:\\S{40}"));
                assertThat(m.direction().orElseThrow().attribute()).isEqualTo("recvonly");
            }
            List<LegOffer> legs = controller.opened.stream().filter(o -> o.conversationId().equals(callId)).toList();
            assertThat(legs).hasSize(2);
            assertThat(legs).extracting(LegOffer::transport).containsOnly("tls");
            assertThat(legs.get(0).srtp().remoteKeySalt()).isEqualTo(key1);
            assertThat(legs.get(1).srtp().remoteKeySalt()).isEqualTo(key2);
            assertThat(Base64.getDecoder().decode(answer.media().get(0).attribute("crypto").orElseThrow()
                    .replaceAll(".*inline:", ""))).isEqualTo(legs.get(0).srtp().localKeySalt());

            String toTag = ok.replaceAll("(?s).*\\nTo:[^\\r\\n]*;tag=([^;\\s>]+).*", "$1");
            peer.send(invite(target, peer.via("ack1"), callId, 1, toTag, false, null).replaceFirst("^INVITE", "ACK")
                    .replace("CSeq: 1 INVITE", "CSeq: 1 ACK"));
            await().atMost(WAIT).until(() -> controller.established.size() == 2);

            // Pause: a plain SDP re-INVITE with the same keys, both streams inactive.
            peer.send(invite(target, peer.via("pause1"), callId, 2, toTag, false, sdp(key1, key2, "inactive")));
            String paused = answerTo(peer, "2 INVITE");
            assertThat(paused).as("200 to the pause").isNotNull();
            assertThat(sdpOf(paused).media()).allSatisfy(m -> assertThat(m.direction().orElseThrow().attribute())
                    .isEqualTo("inactive"));
            assertThat(sdpOf(paused).media().get(0).attribute("crypto"))
                    .as("the same key of Earpiece's while the client keeps its").isEqualTo(answer.media().get(0)
                            .attribute("crypto"));
            await().atMost(WAIT).until(() -> controller.changes.size() == 2);
            assertThat(controller.changes).allSatisfy(c -> assertThat(c.onHold()).isTrue());

            peer.send(invite(target, peer.via("bye1"), callId, 3, toTag, false, null).replaceFirst("^INVITE", "BYE")
                    .replace("CSeq: 3 INVITE", "CSeq: 3 BYE"));
            assertThat(answerTo(peer, "3 BYE")).as("200 to BYE").isNotNull();
            await().atMost(WAIT).until(() -> legs.stream().allMatch(l -> controller.ended.get(l.legId()) != null));
            assertThat(legs).allSatisfy(l -> assertThat(controller.ended.get(l.legId())).isEqualTo(EndReason.REMOTE_BYE));
        }
        assertThat(gateway.counters().requestsOver("tls")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aStreamAddedByReInviteIsRecordedAsAFurtherStreamOfItsParty() throws Exception {
        start();
        String callId = UUID.randomUUID().toString();
        try (RawStreamPeer peer = RawStreamPeer.tcp(gateway.port())) {
            String target = "sip:srs@127.0.0.1:" + gateway.port();
            peer.send(invite(target, peer.via("add1"), callId, 1, null, true, clearMultipart(2)));
            String ok = answerTo(peer, "1 INVITE");
            assertThat(ok).as("200 to the recording INVITE").isNotNull();
            String toTag = ok.replaceAll("(?s).*\\nTo:[^\\r\\n]*;tag=([^;\\s>]+).*", "$1");
            peer.send(invite(target, peer.via("add2"), callId, 1, toTag, false, null).replaceFirst("^INVITE", "ACK")
                    .replace("CSeq: 1 INVITE", "CSeq: 1 ACK"));
            await().atMost(WAIT).until(() -> controller.established.size() == 2);

            // A third participant joins on a stream of its own: new metadata and a third m-line.
            peer.send(invite(target, peer.via("add3"), callId, 2, toTag, true, clearMultipart(3)));
            String added = answerTo(peer, "2 INVITE");
            assertThat(added).as("200 to the re-INVITE").isNotNull();
            SessionDescription answer = sdpOf(added);
            assertThat(answer.media()).hasSize(3);
            assertThat(answer.media().get(2).port()).as("port of the added stream").isPositive();
            assertThat(answer.media().get(2).attribute("label")).contains("3");
            assertThat(answer.media().get(2).direction().orElseThrow().attribute()).isEqualTo("recvonly");
            assertThat(answer.media().get(0).port()).as("the first stream keeps its port")
                    .isEqualTo(sdpOf(ok).media().get(0).port());

            LegOffer third = controller.opened.stream().filter(o -> o.legId().equals(callId + "/3")).findFirst()
                    .orElseThrow();
            assertThat(third.party()).isEqualTo(Party.CUSTOMER);
            assertThat(third.partyLabel()).isEqualTo("customer-2");
            // The established report may follow the 200 on another thread: poll for it.
            await().atMost(WAIT).until(() -> controller.established.contains(callId + "/3"));
            await().atMost(WAIT).until(() -> controller.recordings.get(callId).participants().size() == 3);
            assertThat(controller.recordings.get(callId).participants())
                    .extracting(RecordingParticipant::aor, RecordingParticipant::party).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("sip:+15550000001@carrier.example", "customer"),
                            org.assertj.core.groups.Tuple.tuple("sip:+15550000002@carrier.example", "rep"),
                            org.assertj.core.groups.Tuple.tuple("sip:+15550000003@carrier.example", "customer-2"));

            peer.send(invite(target, peer.via("add4"), callId, 3, toTag, false, null).replaceFirst("^INVITE", "BYE")
                    .replace("CSeq: 3 INVITE", "CSeq: 3 BYE"));
            assertThat(answerTo(peer, "3 BYE")).as("200 to BYE").isNotNull();
        }
        await().atMost(WAIT).until(() -> controller.ended.size() == 3);
        assertThat(controller.ended.values()).containsOnly(EndReason.REMOTE_BYE);
    }

    @Test
    void aReInviteWhoseAddedStreamWaitsOnASlowStoreLeavesTheStackAnswering() throws Exception {
        start();
        CountDownLatch storeAnswers = holdTheThirdStreamsStore(43_000);
        String callId = UUID.randomUUID().toString();
        try (RawStreamPeer peer = RawStreamPeer.tcp(gateway.port())) {
            String target = "sip:srs@127.0.0.1:" + gateway.port();
            String toTag = establish(peer, target, callId);

            peer.send(invite(target, peer.via("slow3"), callId, 2, toTag, true, clearMultipart(3)));
            assertThat(responseTo(peer, "SIP/2.0 100", "2 INVITE")).as("100 Trying to the re-INVITE at once")
                    .isNotNull();
            awaitOpeningOfThirdStream(callId);

            // While the store still holds the added stream: the same connection's OPTIONS and a new session are
            // answered (JAIN-SIP reads one connection's messages in order, so a blocked listener would stall both).
            peer.send(invite(target, peer.via("slow-opt"), callId, 3, toTag, false, null)
                    .replaceFirst("^INVITE", "OPTIONS").replace("CSeq: 3 INVITE", "CSeq: 3 OPTIONS"));
            assertThat(responseTo(peer, "SIP/2.0 200", "3 OPTIONS")).as("200 to OPTIONS while the store is slow")
                    .isNotNull();
            String other = UUID.randomUUID().toString();
            peer.send(invite(target, peer.via("slow-new"), other, 1, null, true, clearMultipart(2)));
            assertThat(responseTo(peer, "SIP/2.0 200", "1 INVITE")).as("another session answered meanwhile")
                    .isNotNull().contains("Call-ID: " + other);
            assertThat(controller.established).doesNotContain(callId + "/3");

            storeAnswers.countDown();
            String added = responseTo(peer, "SIP/2.0 200", "2 INVITE");
            assertThat(added).as("200 to the re-INVITE once the store answers").isNotNull();
            SessionDescription answer = sdpOf(added);
            assertThat(answer.media()).hasSize(3);
            assertThat(answer.media().get(2).port()).as("port of the added stream").isPositive();
            await().atMost(WAIT).until(() -> controller.established.contains(callId + "/3"));
            assertThat(controller.opened.stream().filter(o -> o.legId().equals(callId + "/3")).findFirst()
                    .orElseThrow().partyLabel()).isEqualTo("customer-2");
        } finally {
            storeAnswers.countDown();
        }
    }

    @Test
    void aByeWhileAnAddedStreamOpensEndsThatStreamToo() throws Exception {
        start();
        CountDownLatch storeAnswers = holdTheThirdStreamsStore(44_000);
        String callId = UUID.randomUUID().toString();
        try (RawStreamPeer peer = RawStreamPeer.tcp(gateway.port())) {
            String target = "sip:srs@127.0.0.1:" + gateway.port();
            String toTag = establish(peer, target, callId);
            peer.send(invite(target, peer.via("bye3"), callId, 2, toTag, true, clearMultipart(3)));
            awaitOpeningOfThirdStream(callId);

            // An UPDATE's offer while the re-INVITE's is pending: 500 with Retry-After (RFC 3311 5.2). A second
            // re-INVITE the stack itself answers 491.
            peer.send(invite(target, peer.via("bye-again"), callId, 3, toTag, false, sdp(key(1), key(2), "inactive"))
                    .replaceFirst("^INVITE", "UPDATE").replace("CSeq: 3 INVITE", "CSeq: 3 UPDATE"));
            String pending = responseTo(peer, "SIP/2.0 500", "3 UPDATE");
            assertThat(pending).as("500 to an offer while one is pending").isNotNull()
                    .containsPattern("(?i)\\nRetry-After: ([0-9]|10)\\b");

            peer.send(invite(target, peer.via("bye4"), callId, 4, toTag, false, null).replaceFirst("^INVITE", "BYE")
                    .replace("CSeq: 4 INVITE", "CSeq: 4 BYE"));
            assertThat(responseTo(peer, "SIP/2.0 200", "4 BYE")).as("200 to BYE while the store is slow").isNotNull();
            await().atMost(WAIT).until(() -> controller.ended.size() == 2);

            storeAnswers.countDown();
            assertThat(responseTo(peer, "SIP/2.0 481", "2 INVITE")).as("the re-INVITE of the ended session")
                    .isNotNull();
            await().atMost(WAIT).until(() -> controller.ended.size() == 3);
            assertThat(controller.ended.values()).containsOnly(EndReason.REMOTE_BYE);
            assertThat(controller.established).doesNotContain(callId + "/3");
        } finally {
            storeAnswers.countDown();
        }
    }

    /** Sends a two-stream clear recording session and its ACK; returns Earpiece's tag. */
    private String establish(RawStreamPeer peer, String target, String callId) throws IOException {
        peer.send(invite(target, peer.via("est-" + callId), callId, 1, null, true, clearMultipart(2)));
        String ok = answerTo(peer, "1 INVITE");
        assertThat(ok).as("200 to the recording INVITE").isNotNull();
        String toTag = ok.replaceAll("(?s).*\\nTo:[^\\r\\n]*;tag=([^;\\s>]+).*", "$1");
        peer.send(invite(target, peer.via("ack-" + callId), callId, 1, toTag, false, null)
                .replaceFirst("^INVITE", "ACK").replace("CSeq: 1 INVITE", "CSeq: 1 ACK"));
        await().atMost(WAIT).until(() -> controller.established.containsAll(List.of(callId + "/1", callId + "/2")));
        return toTag;
    }

    /**
     * Makes the opening of a session's third stream stand for a store that does not answer: it waits until the
     * returned latch is counted down. Other streams open at once, on ports counted up from {@code firstPort}.
     */
    private CountDownLatch holdTheThirdStreamsStore(int firstPort) {
        CountDownLatch storeAnswers = new CountDownLatch(1);
        AtomicInteger port = new AtomicInteger(firstPort);
        controller.opener = offer -> {
            if (offer.legId().endsWith("/3")) {
                waitFor(storeAnswers);
            }
            return new io.earpiece.sip.call.LegMedia(new InetSocketAddress("127.0.0.1", port.addAndGet(2)));
        };
        return storeAnswers;
    }

    private void awaitOpeningOfThirdStream(String callId) {
        await().atMost(WAIT).until(() -> controller.opened.stream().anyMatch(o -> o.legId().equals(callId + "/3")));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clear recording offer of {@code streams} streams, participant N sending on label N. */
    static String clearMultipart(int streams) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=src 1 " + streams + " IN IP4 127.0.0.1\r\ns=-\r\n"
                + "c=IN IP4 127.0.0.1\r\nt=0 0\r\n");
        StringBuilder xml = new StringBuilder("<recording xmlns='urn:ietf:params:xml:ns:recording:1'>"
                + "<datamode>complete</datamode><session session_id='rs-add'/>");
        for (int i = 1; i <= streams; i++) {
            sdp.append("m=audio ").append(46100 + 2 * i).append(" RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=label:")
                    .append(i).append("\r\na=sendonly\r\n");
            xml.append("<participant participant_id='p").append(i).append("'><nameID aor='sip:+1555000000").append(i)
                    .append("@carrier.example'/><send>s").append(i).append("</send></participant>");
        }
        for (int i = 1; i <= streams; i++) {
            xml.append("<stream stream_id='s").append(i).append("'><label>").append(i).append("</label></stream>");
        }
        xml.append("</recording>");
        return "--rs\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--rs\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n" + xml
                + "\r\n--rs--\r\n";
    }

    /**
     * The 200 to the request with {@code cseq}: a 200 to the INVITE that the stack retransmits while it has not
     * matched the ACK yet is skipped.
     */
    private static String answerTo(RawStreamPeer peer, String cseq) throws IOException {
        return responseTo(peer, "SIP/2.0 200", cseq);
    }

    /** The next response starting with {@code status} to the request with {@code cseq}; others are skipped. */
    private static String responseTo(RawStreamPeer peer, String status, String cseq) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String m = peer.receiveStarting(status, Duration.ofNanos(deadline - System.nanoTime()));
            if (m == null || m.matches("(?is).*\\nCSeq:\\s*" + cseq + "\\s.*")) {
                return m;
            }
        }
        return null;
    }

    private static byte[] key(int seed) {
        byte[] k = new byte[30];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 17 + i);
        }
        return k;
    }

    private static SessionDescription sdpOf(String message) throws Exception {
        return new SdpParser().parse(message.substring(message.indexOf("\r\n\r\n") + 4)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    static String sdp(byte[] key1, byte[] key2, String direction) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "v=0\r\no=src 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 46000 RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\na=label:1\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + b64.encodeToString(key1) + "\r\na=" + direction + "\r\n"
                + "m=audio 46002 RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\na=label:2\r\n"
                + "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:" + b64.encodeToString(key2) + "\r\na=" + direction + "\r\n";
    }

    static String multipart(String sdp) {
        String xml = "<recording xmlns='urn:ietf:params:xml:ns:recording:1'><datamode>complete</datamode>"
                + "<session session_id='rs-tls'/>"
                + "<participant participant_id='c'><nameID aor='sip:+15550002222@carrier.example'/><send>s1</send>"
                + "</participant><participant participant_id='r'><nameID aor='sip:2002@pbx.example'/><send>s2</send>"
                + "</participant><stream stream_id='s1'><label>1</label></stream>"
                + "<stream stream_id='s2'><label>2</label></stream></recording>";
        return "--rs\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--rs\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n" + xml
                + "\r\n--rs--\r\n";
    }

    /** An INVITE (or, edited, an ACK or BYE) of the recording client; {@code body} multipart when {@code multipart}. */
    static String invite(String uri, String via, String callId, int cseq, String toTag, boolean multipart,
                         String body) {
        String b = body == null ? "" : body;
        String type = body == null ? "" : multipart ? "Content-Type: multipart/mixed;boundary=rs\r\n"
                : "Content-Type: application/sdp\r\n";
        return "INVITE " + uri + " SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:src@127.0.0.1>;tag=src1\r\n"
                + "To: <" + uri + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sips:src@127.0.0.1:9>;+sip.src\r\n"
                + (multipart ? "Require: siprec\r\n" : "")
                + type
                + "Content-Length: " + b.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + b;
    }
}
