package io.earpiece.sip;

import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegMedia;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.RecordingInfo;
import io.earpiece.sip.call.RecordingParticipant;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SessionDescription;
import io.earpiece.sip.siprec.SiprecSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every SIPREC sample of {@code ../shared/conformance/siprec}, addresses rewritten to loopback as its README asks,
 * sent over UDP to a running gateway: each must get 200 OK with one m-line per offered one, labels kept in order,
 * audio {@code recvonly} (or {@code inactive} where offered so) on its own port, video refused; the participants
 * the gateway reports must send on the labels, with the roles, that the manifest states. ACK and BYE then end
 * every recorded stream.
 */
class SiprecConformanceIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern TO_TAG = Pattern.compile("(?im)^(?:To|t)\\s*:.*;tag=([^;\\s]+)");

    private RecordingController controller;
    private SipGateway gateway;

    @BeforeEach
    void startGateway() {
        controller = new RecordingController();
        AtomicInteger port = new AtomicInteger(41_000);
        controller.opener = offer -> new LegMedia(new InetSocketAddress("127.0.0.1", port.addAndGet(2)));
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"), controller,
                Duration.ofSeconds(5));
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void everySampleIsAnsweredAndMappedAsTheManifestSays() throws Exception {
        List<String> failures = new ArrayList<>();
        int ok = 0;
        List<SiprecSamples.Sample> samples = SiprecSamples.all();
        try (RawUdpPeer peer = new RawUdpPeer(gateway.port())) {
            for (SiprecSamples.Sample s : samples) {
                try {
                    exchange(peer, s);
                    ok++;
                } catch (AssertionError | RuntimeException e) {
                    failures.add(s.name() + ": " + e.getMessage());
                }
            }
        }
        System.out.println("siprec_conformance_ok=" + ok + "/" + samples.size());
        assertThat(failures).as("samples not answered or mapped as the manifest says").isEmpty();
        await().atMost(WAIT).until(() -> gateway.activeLegs() == 0);
    }

    private void exchange(RawUdpPeer peer, SiprecSamples.Sample s) throws Exception {
        String callId = s.header("Call-ID");
        String cseq = s.header("CSeq").trim().split("\\s+")[0];
        peer.send(rewrite(s, peer));
        String response = peer.receive(r -> r.contains(callId) && finalStatus(r) > 0, WAIT);
        assertThat(response).as("final response").isNotNull();
        assertThat(response).as("status line").startsWith("SIP/2.0 200 ");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        SessionDescription answer = new SdpParser().parse(body.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answer.media()).as("m-lines").hasSize(s.labels().size());
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < answer.media().size(); i++) {
            MediaDescription m = answer.media().get(i);
            assertThat(m.attribute("label")).as("label of m-line %d", i + 1).contains(s.labels().get(i));
            if (m.media().equals("audio")) {
                assertThat(m.port()).as("port of audio %s", s.labels().get(i)).isPositive();
                assertThat(ports.add(m.port())).as("own port for %s", s.labels().get(i)).isTrue();
                String wanted = s.header("Content-Type") != null && new String(s.body(), StandardCharsets.ISO_8859_1)
                        .contains("a=inactive") ? "inactive" : "recvonly";
                assertThat(m.direction().orElseThrow().attribute()).as("direction of %s", s.labels().get(i))
                        .isEqualTo(wanted);
            } else {
                assertThat(m.port()).as("port of %s %s", m.media(), s.labels().get(i)).isZero();
            }
        }
        RecordingInfo info = controller.recordings.get(callId);
        assertThat(info).as("recording info reported").isNotNull();
        checkMapping(s, info);
        List<LegOffer> legs = controller.opened.stream().filter(o -> o.conversationId().equals(callId)).toList();
        assertThat(legs).as("legs opened").hasSize(ports.size());

        Matcher tag = TO_TAG.matcher(response);
        assertThat(tag.find()).as("To tag").isTrue();
        String to = s.header("To");
        String from = s.header("From");
        String inDialog = "sip:srs@127.0.0.1:" + gateway.port();
        peer.send("ACK " + inDialog + " SIP/2.0\r\nVia: " + peer.via("ack" + callId.hashCode()) + "\r\nFrom: " + from
                + "\r\nTo: " + to + ";tag=" + tag.group(1) + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq
                + " ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        await().atMost(WAIT).until(() -> legs.stream().allMatch(l -> controller.established.contains(l.legId())));
        peer.send("BYE " + inDialog + " SIP/2.0\r\nVia: " + peer.via("bye" + callId.hashCode()) + "\r\nFrom: " + from
                + "\r\nTo: " + to + ";tag=" + tag.group(1) + "\r\nCall-ID: " + callId + "\r\nCSeq: "
                + (Long.parseLong(cseq) + 1) + " BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        String byeOk = peer.receive(r -> r.contains(callId) && r.contains(" BYE") && r.startsWith("SIP/2.0 200"), WAIT);
        assertThat(byeOk).as("200 to BYE").isNotNull();
        await().atMost(WAIT).until(() -> legs.stream()
                .allMatch(l -> controller.ended.get(l.legId()) == EndReason.REMOTE_BYE));
    }

    @Test
    void aWrongContentLengthAsVendorsSendItIsTolerated() throws Exception {
        try (RawUdpPeer peer = new RawUdpPeer(gateway.port())) {
            for (SiprecSamples.Sample s : SiprecSamples.all()) {
                String declared = s.header("Content-Length");
                if (declared == null || Integer.parseInt(declared.trim()) == s.body().length) {
                    continue;
                }
                String text = rewrite(s, peer);
                int at = text.indexOf("Content-Length: ");
                int end = text.indexOf("\r\n", at);
                // Keep the vendor's wrong value, off by as much as in the sample.
                int actual = Integer.parseInt(text.substring(at + 16, end));
                int wrong = actual + Integer.parseInt(declared.trim()) - s.body().length;
                peer.send(text.substring(0, at + 16) + wrong + text.substring(end));
                String callId = s.header("Call-ID");
                String response = peer.receive(r -> r.contains(callId) && finalStatus(r) > 0, WAIT);
                System.out.println(s.name() + " declared " + wrong + " of " + actual + ": "
                        + (response == null ? "no answer" : response.substring(0, response.indexOf("\r\n"))));
                assertThat(response).as("%s with Content-Length %d for %d bytes", s.name(), wrong, actual)
                        .startsWith("SIP/2.0 200 ");
            }
        }
    }

    @Test
    void whatCannotBeRecordedIsRefusedWithTheReason() throws Exception {
        SiprecSamples.Sample cisco = SiprecSamples.all().get(0);
        try (RawUdpPeer peer = new RawUdpPeer(gateway.port())) {
            String g729 = rewrite(cisco, peer).replace("RTP/AVP 0", "RTP/AVP 18").replace("a=rtpmap:0 PCMU/8000",
                    "a=rtpmap:18 G729/8000");
            assertThat(answer(peer, relength(g729), cisco.header("Call-ID")))
                    .startsWith("SIP/2.0 488 Not Acceptable Here: nothing Earpiece can record (stream 1: no PCMU or PCMA");
            String badXml = rewrite(cisco, peer).replace("</recording>", "</recordin>")
                    .replace(cisco.header("Call-ID"), "bad-xml-" + cisco.header("Call-ID"));
            assertThat(answer(peer, relength(badXml), "bad-xml-" + cisco.header("Call-ID")))
                    .startsWith("SIP/2.0 400 Bad recording metadata: recording metadata is not well-formed XML");
            String noBoundary = rewrite(cisco, peer).replace(";boundary=uniqueBoundary", "")
                    .replace(cisco.header("Call-ID"), "no-boundary-" + cisco.header("Call-ID"));
            assertThat(answer(peer, noBoundary, "no-boundary-" + cisco.header("Call-ID")))
                    .startsWith("SIP/2.0 400 Bad multipart body: multipart Content-Type without a boundary");
        }
        assertThat(controller.opened).as("no leg opened for refused offers").isEmpty();
    }

    private static String answer(RawUdpPeer peer, String invite, String callId) throws Exception {
        peer.send(invite);
        String r = peer.receive(x -> x.contains(callId) && finalStatus(x) > 0, WAIT);
        assertThat(r).as("final response").isNotNull();
        return r;
    }

    /** Content-Length recomputed after an edit of the body. */
    private static String relength(String message) {
        int split = message.indexOf("\r\n\r\n");
        String body = message.substring(split + 4);
        return message.substring(0, split).replaceAll("Content-Length: \\d+", "Content-Length: " + body.length())
                + "\r\n\r\n" + body;
    }

    private static void checkMapping(SiprecSamples.Sample s, RecordingInfo info) {
        assertThat(info.associationStated()).as("association stated").isEqualTo(s.associationStated());
        Map<String, SiprecSamples.Expected> expected = s.expected();
        for (RecordingParticipant p : info.participants()) {
            String aor = SiprecSamples.normalise(p.aor());
            assertThat(expected).as("participants in the manifest").containsKey(aor);
            if (!s.associationStated()) {
                assertThat(p.role()).as("role of %s", aor).isEqualTo("unknown");
                continue;
            }
            assertThat(new LinkedHashSet<>(p.labels())).as("labels %s sends on", aor)
                    .isEqualTo(expected.get(aor).labels());
            String role = expected.get(aor).role()[0];
            assertThat(p.role()).as("role of %s", aor).isEqualTo(role == null ? "unknown" : role);
        }
        assertThat(info.participants()).as("participants").hasSize(expected.size());
    }

    private static int finalStatus(String response) {
        if (!response.startsWith("SIP/2.0 ")) {
            return -1;
        }
        int status = Integer.parseInt(response.substring(8, 11));
        return status >= 200 ? status : -1;
    }

    /**
     * The sample with its Request-URI, Via and Contact naming loopback and this peer, SDP {@code o=}/{@code c=} on
     * 127.0.0.1, and Content-Length recomputed; every other header and the metadata stay as the vendor wrote them.
     */
    static String rewrite(SiprecSamples.Sample s, RawUdpPeer peer) {
        String[] lines = s.headers().split("\r\n");
        StringBuilder out = new StringBuilder();
        out.append("INVITE sip:srs@127.0.0.1 SIP/2.0\r\n");
        out.append("Via: ").append(peer.via("siprec" + Integer.toHexString(s.name().hashCode()))).append("\r\n");
        boolean dropping = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (!dropping) {
                    out.append(line).append("\r\n");
                }
                continue;
            }
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase();
            dropping = name.equals("via") || name.equals("content-length") || name.equals("contact");
            if (!dropping) {
                out.append(line).append("\r\n");
            }
        }
        out.append("Contact: <sip:src@127.0.0.1:").append(peer.port()).append(">;+sip.src\r\n");
        StringBuilder body = new StringBuilder();
        for (String line : new String(s.body(), StandardCharsets.ISO_8859_1).split("\r\n", -1)) {
            if (line.startsWith("o=") || line.startsWith("c=")) {
                line = line.substring(0, line.trim().lastIndexOf(' ') + 1) + "127.0.0.1";
            }
            body.append(line).append("\r\n");
        }
        body.setLength(body.length() - 2);
        out.append("Content-Length: ").append(body.toString().getBytes(StandardCharsets.ISO_8859_1).length)
                .append("\r\n\r\n").append(body);
        return out.toString();
    }
}
