package io.earpiece.sip;

import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.timer.SessionTimerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RFC 4028 on the legs Earpiece answers, with sipp as a carrier that requires session timers: refreshes keep a call
 * up well past its interval, a too short interval gets 422 with Earpiece's Min-SE, and a carrier that stops
 * refreshing is hung up before the session expires.
 */
class BotLegSessionTimerIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private RecordingController controller;
    private SipGateway gateway;

    @BeforeEach
    void start() {
        controller = new RecordingController();
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"), controller,
                Duration.ofSeconds(2));
        gateway.sessionTimers(new SessionTimerConfig(Duration.ofSeconds(1800), Duration.ofSeconds(2)));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private SippRunner.Builder sipp(String name) {
        try {
            return SippRunner.builder(Path.of(getClass().getResource("/sipp/" + name).toURI()))
                    .remote("127.0.0.1", gateway.port()).mediaPort(SippRunner.freeUdpPort("127.0.0.1"))
                    .timeout(WAIT);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refreshesKeepTheCallUpAcrossSeveralIntervals() {
        Instant start = Instant.now();
        assertThat(sipp("timer-caller.xml").run()).as("three refreshes answered with the interval, then BYE")
                .isZero();
        assertThat(Duration.between(start, Instant.now())).isGreaterThan(Duration.ofSeconds(7));
        await().atMost(WAIT).until(() -> controller.ended.size() == 1);
        assertThat(controller.ended.values()).containsExactly(EndReason.REMOTE_BYE);
    }

    @Test
    void aTooShortIntervalGets422AndADeadCarrierIsHungUpAtExpiry() {
        try (SippRunner carrier = sipp("timer-caller-dies.xml").start()) {
            await().atMost(WAIT).until(() -> controller.established.size() == 1);
            Instant established = Instant.now();
            await().atMost(WAIT).until(() -> controller.ended.size() == 1);
            // a 3 s interval: hung up a second early (RFC 4028 10), not by the media timeout
            assertThat(Duration.between(established, Instant.now())).isBetween(Duration.ofMillis(1000),
                    Duration.ofMillis(3500));
            assertThat(controller.ended.values()).containsExactly(EndReason.FAILED);
            assertThat(carrier.awaitExit(WAIT)).as("422 with Min-SE 2, then the BYE").isZero();
        }
        assertThat(controller.opened).hasSize(1);
    }
}
