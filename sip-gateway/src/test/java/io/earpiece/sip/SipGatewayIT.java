package io.earpiece.sip;

import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegMedia;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.Party;
import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The gateway against real sipp and hand-made datagrams on loopback. */
class SipGatewayIT {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private RecordingController controller;
    private SipGateway gateway;

    @BeforeEach
    void startGateway() {
        controller = new RecordingController();
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"), controller,
                ACK_TIMEOUT);
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private static Path scenario(String name) {
        try {
            return Path.of(SipGatewayIT.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private SippRunner.Builder sipp(String scenario) {
        return SippRunner.builder(scenario(scenario)).remote("127.0.0.1", gateway.port()).timeout(WAIT);
    }

    @Test
    void basicCallIsOfferedEstablishedAndEndedByBye() {
        int mediaPort = SippRunner.freeUdpPort("127.0.0.1");
        int exit = sipp("basic-call.xml").key("party", "rep").key("conversation", "conv-42")
                .mediaPort(mediaPort).args("-d", "200").run();

        assertThat(exit).isZero();
        LegOffer offer = controller.offerFor("conv-42");
        assertThat(offer).isNotNull();
        assertThat(offer.party()).isEqualTo(Party.REP);
        assertThat(offer.codec()).isEqualTo(Codec.PCMU);
        assertThat(offer.telephoneEventPt()).isEqualTo(101);
        assertThat(offer.remoteMedia()).isEqualTo(new InetSocketAddress("127.0.0.1", mediaPort));
        assertThat(offer.from()).startsWith("sip:caller@");
        assertThat(offer.to()).startsWith("sip:bot@");
        await().atMost(WAIT).until(() -> controller.ended.containsKey(offer.legId()));
        assertThat(controller.established).containsExactly(offer.legId());
        assertThat(controller.ended).containsEntry(offer.legId(), EndReason.REMOTE_BYE);
        assertThat(gateway.activeLegs()).isZero();
        SipCounters c = gateway.counters();
        assertThat(c.requests("INVITE")).isGreaterThanOrEqualTo(1);
        assertThat(c.requests("ACK")).isGreaterThanOrEqualTo(1);
        assertThat(c.requests("BYE")).isGreaterThanOrEqualTo(1);
        assertThat(c.responses(100)).isGreaterThanOrEqualTo(1);
        assertThat(c.responses(200)).isGreaterThanOrEqualTo(2);
        assertThat(c.malformed()).isZero();
    }

    @Test
    void optionsKeepAliveGets200WithAllowAndAccept() {
        assertThat(sipp("options.xml").run()).isZero();
        assertThat(gateway.counters().responses(200)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void offerWithOnlyG729IsRefusedWith488() {
        assertThat(sipp("g729-only.xml").run()).isZero();
        assertThat(controller.opened).isEmpty();
        assertThat(gateway.counters().responses(488)).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).until(() -> gateway.counters().requests("ACK") >= 1);
        assertThat(gateway.activeLegs()).isZero();
    }

    @Test
    void callsOverTheLimitGet503WithRetryAfterAndHangupSendsBye() {
        RecordingController single = new RecordingController();
        try (SipGateway small = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 1, null, "Earpiece-IT"),
                single, ACK_TIMEOUT)) {
            small.start();
            try (SippRunner held = SippRunner.builder(scenario("hangup-by-bot.xml"))
                    .remote("127.0.0.1", small.port()).timeout(WAIT).start()) {
                await().atMost(WAIT).until(() -> single.established.size() == 1);
                assertThat(small.activeLegs()).isEqualTo(1);

                int busy = SippRunner.builder(scenario("busy.xml")).remote("127.0.0.1", small.port())
                        .timeout(WAIT).run();
                assertThat(busy).isZero();
                assertThat(small.counters().responses(503)).isGreaterThanOrEqualTo(1);
                assertThat(single.opened).hasSize(1);

                String legId = single.established.get(0);
                small.hangup(legId);
                assertThat(held.awaitExit()).isZero();
                assertThat(single.ended).containsEntry(legId, EndReason.LOCAL_HANGUP);
                assertThat(small.activeLegs()).isZero();
                assertThat(single.opened.get(0).party()).isEqualTo(Party.REP);
                assertThat(single.opened.get(0).conversationId()).isEqualTo(legId);
            }
        }
    }

    @Test
    void reInviteWithSendonlyPutsTheLegOnHoldWithoutDroppingIt() {
        assertThat(sipp("hold.xml").run()).isZero();

        assertThat(controller.opened).hasSize(1);
        LegOffer offer = controller.opened.get(0);
        assertThat(offer.party()).isEqualTo(Party.CUSTOMER);
        assertThat(offer.codec()).isEqualTo(Codec.PCMA);
        assertThat(offer.telephoneEventPt()).isEqualTo(-1);
        assertThat(controller.changes).hasSize(1);
        RecordingController.Changed change = controller.changes.get(0);
        assertThat(change.legId()).isEqualTo(offer.legId());
        assertThat(change.onHold()).isTrue();
        assertThat(change.codec()).isEqualTo(Codec.PCMA);
        assertThat(change.remote()).isEqualTo(offer.remoteMedia());
        await().atMost(WAIT).until(() -> controller.ended.containsKey(offer.legId()));
        assertThat(controller.ended).containsEntry(offer.legId(), EndReason.REMOTE_BYE);
    }

    @Test
    void cancelBeforeAnswerGets487AndEndsTheOpenedLeg() {
        // Hold the answer until the CANCEL has been turned into a 487, so the CANCEL surely precedes the answer.
        controller.opener = offer -> {
            await().atMost(WAIT).until(() -> gateway.counters().responses(487) > 0);
            return new LegMedia(new InetSocketAddress("127.0.0.1", RecordingController.MEDIA_PORT));
        };

        assertThat(sipp("cancel.xml").run()).isZero();

        assertThat(controller.opened).hasSize(1);
        String legId = controller.opened.get(0).legId();
        await().atMost(WAIT).until(() -> controller.ended.containsKey(legId));
        assertThat(controller.ended).containsEntry(legId, EndReason.CANCELLED);
        assertThat(controller.established).isEmpty();
        assertThat(gateway.counters().responses(487)).isGreaterThanOrEqualTo(1);
        assertThat(gateway.activeLegs()).isZero();
    }

    @Test
    void missingAckEndsTheLegAsFailed() throws Exception {
        try (RawUdpPeer peer = new RawUdpPeer(gateway.port())) {
            String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 30000 RTP/AVP 0\r\n";
            peer.send("INVITE sip:bot@127.0.0.1 SIP/2.0\r\n"
                    + "Via: " + peer.via("noack1") + "\r\n"
                    + "From: <sip:caller@127.0.0.1>;tag=a1\r\n"
                    + "To: <sip:bot@127.0.0.1>\r\n"
                    + "Call-ID: no-ack-1\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:caller@127.0.0.1:" + peer.port() + ">\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Content-Type: application/sdp\r\n"
                    + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
            assertThat(peer.receive(t -> t.startsWith("SIP/2.0 200"), WAIT)).contains("m=audio 40000 RTP/AVP 0");

            await().atMost(WAIT).until(() -> controller.ended.containsKey("no-ack-1"));
            assertThat(controller.ended).containsEntry("no-ack-1", EndReason.FAILED);
            assertThat(controller.established).isEmpty();
            assertThat(gateway.activeLegs()).isZero();
        }
    }

    @Test
    void malformedDatagramsGet400Or505OrAreDroppedAndTheStackKeepsAnswering() throws Exception {
        try (RawUdpPeer peer = new RawUdpPeer(gateway.port())) {
            peer.send("INVITE sip:bot@127.0.0.1 SIP/2.0\r\n"
                    + "Via: this is not a via\r\n"
                    + "From: <sip:caller@127.0.0.1>;tag=b1\r\n"
                    + "To: <sip:bot@127.0.0.1>\r\n"
                    + "Call-ID: bad-via-1\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Content-Length: 0\r\n\r\n");
            assertThat(peer.receive(t -> t.contains("bad-via-1"), WAIT)).startsWith("SIP/2.0 400");

            peer.send("OPTIONS sip:bot@127.0.0.1 SIP/2.0\r\n"
                    + "Via: " + peer.via("nocallid") + "\r\n"
                    + "From: <sip:caller@127.0.0.1>;tag=b2\r\n"
                    + "To: <sip:bot@127.0.0.1>\r\n"
                    + "CSeq: 7 OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n");
            String missing = peer.receive(t -> t.contains("z9hG4bKnocallid"), WAIT);
            assertThat(missing).startsWith("SIP/2.0 400").contains("Call-ID");

            peer.send("OPTIONS sip:bot@127.0.0.1 SIP/3.0\r\n"
                    + "Via: " + peer.via("v3") + "\r\n"
                    + "From: <sip:caller@127.0.0.1>;tag=b3\r\n"
                    + "To: <sip:bot@127.0.0.1>\r\n"
                    + "Call-ID: sip-3-0\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n");
            assertThat(peer.receive(t -> t.contains("sip-3-0"), WAIT)).startsWith("SIP/2.0 505");

            long malformedBefore = gateway.counters().malformed();
            Random random = new Random(20240601);
            int garbage = 50;
            for (int i = 0; i < garbage; i++) {
                byte[] junk = new byte[1 + random.nextInt(1400)];
                random.nextBytes(junk);
                junk[0] = (byte) ('A' + random.nextInt(26)); // not a CRLF keep-alive
                peer.send(junk);
            }
            // An ACK is never answered, even when broken.
            peer.send("ACK sip:bot@127.0.0.1 SIP/2.0\r\n"
                    + "Via: not a via either\r\n"
                    + "From: <sip:caller@127.0.0.1>;tag=b4\r\n"
                    + "To: <sip:bot@127.0.0.1>\r\n"
                    + "Call-ID: bad-ack-1\r\n"
                    + "CSeq: 1 ACK\r\n"
                    + "Content-Length: 0\r\n\r\n");
            await().atMost(WAIT).until(() -> gateway.counters().malformed() >= malformedBefore + garbage + 1);

            peer.send("OPTIONS sip:bot@127.0.0.1 SIP/2.0\r\n"
                    + "Via: " + peer.via("after") + "\r\n"
                    + "From: <sip:caller@127.0.0.1>;tag=b5\r\n"
                    + "To: <sip:bot@127.0.0.1>\r\n"
                    + "Call-ID: still-alive\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n");
            assertThat(peer.receive(t -> t.contains("still-alive"), WAIT)).startsWith("SIP/2.0 200");
            assertThat(peer.skipped).noneMatch(t -> t.contains("bad-ack-1"));
            assertThat(gateway.counters().responses(400)).isGreaterThanOrEqualTo(2);
            assertThat(gateway.counters().responses(505)).isEqualTo(1);
        }
    }

    @Test
    void stackLogsThroughSlf4jWithoutLog4jEvenAtTrace() throws Exception {
        assertThatThrownBy(() -> Class.forName("org.apache.log4j.Logger")).isInstanceOf(ClassNotFoundException.class);
        ch.qos.logback.classic.Logger stackLog =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("gov.nist.javax.sip");
        ch.qos.logback.classic.Logger wireLog =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.earpiece.sip.wire");
        ch.qos.logback.classic.Level stackLevel = stackLog.getLevel();
        ch.qos.logback.classic.Level wireLevel = wireLog.getLevel();
        stackLog.setLevel(ch.qos.logback.classic.Level.OFF);
        wireLog.setLevel(ch.qos.logback.classic.Level.OFF);
        try (SipGateway traced = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 1, null, null),
                new RecordingController())) {
            // Levels are checked when the stack logs, so enable them only now to keep the output short.
            stackLog.setLevel(ch.qos.logback.classic.Level.TRACE);
            wireLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
            traced.start();
            try (RawUdpPeer peer = new RawUdpPeer(traced.port())) {
                peer.send("OPTIONS sip:bot@127.0.0.1 SIP/2.0\r\n"
                        + "Via: " + peer.via("traced") + "\r\n"
                        + "From: <sip:caller@127.0.0.1>;tag=t1\r\n"
                        + "To: <sip:bot@127.0.0.1>\r\n"
                        + "Call-ID: traced-1\r\n"
                        + "CSeq: 1 OPTIONS\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "Content-Length: 0\r\n\r\n");
                assertThat(peer.receive(t -> t.contains("traced-1"), WAIT)).startsWith("SIP/2.0 200");
            }
        } finally {
            stackLog.setLevel(stackLevel);
            wireLog.setLevel(wireLevel);
        }
    }
}
