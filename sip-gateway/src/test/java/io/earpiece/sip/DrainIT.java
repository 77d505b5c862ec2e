package io.earpiece.sip;

import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draining gateway answers OPTIONS probes and new INVITEs with 503 (a proxy's dispatcher then sends calls
 * elsewhere) while a call in progress goes on to its BYE.
 */
class DrainIT {
    private SipGateway gateway;

    @BeforeEach
    void start() {
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"),
                new RecordingController());
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void probesAndNewCallsGet503WhileTheCallInProgressEndsNormally() throws Exception {
        try (RawUdpPeer proxy = new RawUdpPeer(gateway.port())) {
            assertThat(options(proxy, "before")).startsWith("SIP/2.0 200");

            Path scenario = Path.of(getClass().getResource("/sipp/basic-call.xml").toURI());
            try (SippRunner call = SippRunner.builder(scenario).remote("127.0.0.1", gateway.port())
                    .timeout(Duration.ofSeconds(30)).key("party", "rep").key("conversation", "in-progress")
                    .args("-d", "3000").start()) {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gateway.activeLegs() == 1);
                gateway.drain();
                assertThat(gateway.draining()).isTrue();

                String probe = options(proxy, "during");
                assertThat(probe).startsWith("SIP/2.0 503 Draining").contains("Retry-After:");
                proxy.send("INVITE sip:assistant@127.0.0.1 SIP/2.0\r\n"
                        + "Via: " + proxy.via("newcall") + "\r\n"
                        + "From: <sip:dialer@127.0.0.1>;tag=n1\r\n"
                        + "To: <sip:assistant@127.0.0.1>\r\n"
                        + "Call-ID: drain-new-call\r\n"
                        + "CSeq: 1 INVITE\r\n"
                        + "Contact: <sip:dialer@127.0.0.1:" + proxy.port() + ">\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "Content-Length: 0\r\n\r\n");
                assertThat(proxy.receive(s -> s.contains("drain-new-call") && s.startsWith("SIP/2.0 5"),
                        Duration.ofSeconds(5))).as("a new call while draining").startsWith("SIP/2.0 503 Draining");

                assertThat(call.awaitExit(Duration.ofSeconds(30))).as("the call in progress ends with its BYE answered")
                        .isZero();
            }
        }
    }

    private static String options(RawUdpPeer proxy, String branch) throws IOException {
        proxy.send("OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: " + proxy.via(branch) + "\r\n"
                + "From: <sip:dispatcher@127.0.0.1>;tag=" + branch + "\r\n"
                + "To: <sip:127.0.0.1>\r\n"
                + "Call-ID: probe-" + branch + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n");
        return proxy.receive(s -> s.contains("probe-" + branch), Duration.ofSeconds(5));
    }
}
