package io.earpiece.sip.dial;

import io.earpiece.sip.RawUdpPeer;
import io.earpiece.sip.RecordingControllerAccess;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.SipGatewayConfig;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.timer.SessionTimerConfig;
import io.earpiece.sip.trunk.TrunkConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rep hangs up before the trunk sent any provisional: RFC 3261 9.1 forbids a CANCEL then, so the INVITE goes on;
 * the late provisional must then be cancelled, and a late 2xx acknowledged and ended with BYE. The trunk is a bare
 * UDP socket on loopback so the test decides exactly when each answer comes.
 */
class DialOutTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private SipGateway gateway;
    private ScheduledExecutorService scheduler;
    private RawUdpPeer trunk;
    private DialOut dial;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-Test"),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        trunk = new RawUdpPeer(gateway.port());
        dial = new DialOut(gateway.context(), new SessionTimerConfig(Duration.ZERO, Duration.ZERO), scheduler,
                Clock.systemUTC());
        gateway.addHandler(dial);
    }

    @AfterEach
    void stop() {
        trunk.close();
        scheduler.shutdownNow();
        gateway.close();
    }

    @Test
    void aProvisionalAfterAnEarlyHangupIsCancelled() throws Exception {
        String callId = dial.dial(target(), new InetSocketAddress("127.0.0.1", 40000), listener());
        String invite = trunk.receive(m -> m.startsWith("INVITE "), WAIT);
        assertThat(invite).isNotNull();
        assertThat(dial.hangup(callId)).isTrue();
        assertThat(events).containsExactly("failed 487");
        assertThat(trunk.receive(m -> m.startsWith("CANCEL "), Duration.ofMillis(700)))
                .as("no CANCEL before a provisional (RFC 3261 9.1)").isNull();

        trunk.send(response(invite, "180 Ringing", "t1", ""));
        String cancel = trunk.receive(m -> m.startsWith("CANCEL "), WAIT);
        assertThat(cancel).as("the late provisional is cancelled").isNotNull();
        assertThat(header(cancel, "Call-ID")).isEqualTo(header(invite, "Call-ID"));
        trunk.send(response(cancel, "200 OK", "t1", ""));
        trunk.send(response(invite, "487 Request Terminated", "t1", ""));
        await().atMost(WAIT).until(() -> dial.activeCalls() == 0);
        assertThat(events).as("the listener heard of the call once").containsExactly("failed 487");
    }

    @Test
    void a2xxAfterAnEarlyHangupIsAcknowledgedAndEndedWithBye() throws Exception {
        String callId = dial.dial(target(), new InetSocketAddress("127.0.0.1", 40000), listener());
        String invite = trunk.receive(m -> m.startsWith("INVITE "), WAIT);
        assertThat(invite).isNotNull();
        dial.hangup(callId);

        String sdp = "v=0\r\no=carrier 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 41000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        trunk.send(response(invite, "200 OK", "t2", "Contact: <sip:carrier@127.0.0.1:" + trunk.port() + ">\r\n"
                + "Content-Type: application/sdp\r\n", sdp));
        String ack = trunk.receive(m -> m.startsWith("ACK "), WAIT);
        assertThat(ack).as("the late 2xx is acknowledged").isNotNull();
        String bye = trunk.receive(m -> m.startsWith("BYE "), WAIT);
        assertThat(bye).as("and the call it made ended").isNotNull();
        assertThat(header(bye, "To")).contains("tag=t2");
        trunk.send(response(bye, "200 OK", "t2", ""));
        await().atMost(WAIT).until(() -> dial.activeCalls() == 0);
        assertThat(events).containsExactly("failed 487");
    }

    private TrunkConfig carrier() {
        return new TrunkConfig("carrier", "127.0.0.1", trunk.port(), "udp", "earpiece", "secret", null, "+4930123",
                List.of("PCMU"), List.of(), Duration.ZERO);
    }

    private DialTarget target() {
        return new DialTarget(carrier(), "5551234");
    }

    private DialListener listener() {
        return new DialListener() {
            @Override
            public void answered(InetSocketAddress remote, Codec codec, int telephoneEventPt) {
                events.add("answered");
            }

            @Override
            public void failed(int status, String reason) {
                events.add("failed " + status);
            }

            @Override
            public void ended(End end) {
                events.add("ended " + end);
            }
        };
    }

    /** A response to {@code request} echoing its Via, From, Call-ID and CSeq, with our To tag. */
    private static String response(String request, String status, String toTag, String extra) {
        return response(request, status, toTag, extra, "");
    }

    private static String response(String request, String status, String toTag, String extra, String body) {
        String to = header(request, "To");
        if (!to.contains("tag=")) {
            to = to + ";tag=" + toTag;
        }
        return "SIP/2.0 " + status + "\r\n"
                + "Via: " + header(request, "Via") + "\r\n"
                + "From: " + header(request, "From") + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + header(request, "Call-ID") + "\r\n"
                + "CSeq: " + header(request, "CSeq") + "\r\n"
                + extra
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("(?mi)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(message);
        if (!m.find()) {
            throw new AssertionError(name + " missing in\n" + message);
        }
        return m.group(1);
    }
}
