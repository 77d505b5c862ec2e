package io.earpiece.sip.trunk;

import io.earpiece.sip.RecordingControllerAccess;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.SipGatewayConfig;
import io.earpiece.sip.testing.KamailioRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The trunk client registering to a real kamailio that demands digest auth. */
class TrunkClientIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private SipGateway gateway;
    private ScheduledExecutorService scheduler;
    private KamailioRunner kamailio;
    private TrunkClient trunk;

    @BeforeEach
    void start() {
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        if (trunk != null) {
            trunk.close();
        }
        scheduler.shutdownNow();
        gateway.close();
        if (kamailio != null) {
            kamailio.close();
        }
    }

    private TrunkClient trunk(String password, Duration interval) {
        TrunkConfig config = new TrunkConfig("carrier", "127.0.0.1", kamailio.port(), "udp", KamailioCarrier.TRUNK_USER,
                password, KamailioCarrier.REALM, KamailioCarrier.DID, List.of("PCMU"), List.of(), interval);
        trunk = new TrunkClient(config, gateway.context(), scheduler, Clock.systemUTC(), Duration.ofMillis(500),
                Duration.ofSeconds(5));
        return trunk;
    }

    @Test
    void registersWithMd5DigestAndRefreshesBeforeExpiry() {
        kamailio = KamailioCarrier.start("MD5");
        TrunkClient t = trunk(KamailioCarrier.TRUNK_PASSWORD, Duration.ofSeconds(2));
        t.start();
        await().atMost(WAIT).untilAsserted(() -> assertThat(t.status().state()).isEqualTo(TrunkStatus.State.REGISTERED));
        assertThat(t.status().lastStatus()).isEqualTo(200);
        assertThat(t.status().registeredUntil()).isNotNull();
        assertThat(t.status().nextAttempt()).isBefore(t.status().registeredUntil());
        // A 2 s binding must be refreshed about every second; three successes prove refreshes work.
        await().atMost(WAIT).untilAsserted(() -> assertThat(t.registrations()).isGreaterThanOrEqualTo(3));
        assertThat(t.status().state()).isEqualTo(TrunkStatus.State.REGISTERED);
        assertThat(kamailio.logText()).contains("request REGISTER");
    }

    @Test
    void registersWithSha256Digest() {
        kamailio = KamailioCarrier.start("SHA-256");
        TrunkClient t = trunk(KamailioCarrier.TRUNK_PASSWORD, Duration.ofSeconds(60));
        t.start();
        await().atMost(WAIT).untilAsserted(() -> assertThat(t.status().state()).isEqualTo(TrunkStatus.State.REGISTERED));
    }

    @Test
    void wrongPasswordShowsFailingWithTheRefusalAndANextRetry() {
        kamailio = KamailioCarrier.start("MD5");
        TrunkClient t = trunk("not-the-password", Duration.ofSeconds(60));
        t.start();
        await().atMost(WAIT).untilAsserted(() -> assertThat(t.status().state()).isEqualTo(TrunkStatus.State.FAILING));
        TrunkStatus s = t.status();
        assertThat(s.lastStatus()).isIn(401, 403);
        assertThat(s.nextAttempt()).isNotNull();
        assertThat(s.registeredUntil()).isNull();
    }

    @Test
    void silentRegistrarShowsFailingWithTimeout() {
        kamailio = KamailioCarrier.start("MD5");
        int port = kamailio.port();
        kamailio.close();
        kamailio = null;
        TrunkConfig config = new TrunkConfig("dead", "127.0.0.1", port, "udp", "earpiece", "x", null, null, null,
                null, Duration.ofSeconds(60));
        trunk = new TrunkClient(config, gateway.context(), scheduler, Clock.systemUTC(), Duration.ofMillis(500),
                Duration.ofSeconds(5));
        trunk.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(trunk.status().state()).isEqualTo(TrunkStatus.State.FAILING));
        assertThat(trunk.status().lastStatus()).isZero();
    }
}
