package io.earpiece.sip;

import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A flooding source is refused while a call from another source goes through. */
class FloodGuardIT {
    private static final int BURST = 10;
    private SipGateway gateway;

    @BeforeEach
    void start() {
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"),
                new RecordingController(), Duration.ofSeconds(2), new FloodGuard(Clock.systemUTC(), 1, BURST));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void registerFloodFromOneHostIsRateLimitedWithoutAffectingAnother() throws Exception {
        int flood = 60;
        int refused = 0;
        int answered = 0;
        try (RawUdpPeer attacker = new RawUdpPeer(gateway.port(), InetAddress.getByName("127.0.0.2"))) {
            for (int i = 0; i < flood; i++) {
                attacker.send("REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                        + "Via: " + attacker.via("flood" + i) + "\r\n"
                        + "From: <sip:x@127.0.0.1>;tag=f" + i + "\r\n"
                        + "To: <sip:x@127.0.0.1>\r\n"
                        + "Call-ID: flood-" + i + "\r\n"
                        + "CSeq: 1 REGISTER\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "Content-Length: 0\r\n\r\n");
            }
            String r;
            while ((r = attacker.receive(s -> s.startsWith("SIP/2.0"), Duration.ofSeconds(2))) != null) {
                if (r.startsWith("SIP/2.0 503 Rate limited")) {
                    assertThat(r).contains("Retry-After:");
                    refused++;
                } else {
                    answered++;
                }
            }
        }
        assertThat(answered).isBetween(BURST, BURST + 3);
        assertThat(refused).isEqualTo(flood - answered);

        Path scenario = Path.of(getClass().getResource("/sipp/basic-call.xml").toURI());
        int exit = SippRunner.builder(scenario).remote("127.0.0.1", gateway.port()).timeout(Duration.ofSeconds(10))
                .key("party", "rep").key("conversation", "bystander").args("-d", "100").run();
        assertThat(exit).isZero();
    }
}
