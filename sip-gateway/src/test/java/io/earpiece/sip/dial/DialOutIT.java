package io.earpiece.sip.dial;

import io.earpiece.sip.RecordingControllerAccess;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.SipGatewayConfig;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.timer.SessionExpires;
import io.earpiece.sip.timer.SessionTimerConfig;
import io.earpiece.sip.timer.SessionTimerParseException;
import io.earpiece.sip.trunk.TrunkConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Earpiece's own calls against sipp as the carrier: RFC 4028 session timers kept across several refreshes by
 * UPDATE, the 422 retry with the carrier's Min-SE, and a carrier that stops refreshing hung up at expiry.
 */
class DialOutIT {
    private static final Duration WAIT = Duration.ofSeconds(40);

    private SipGateway gateway;
    private ScheduledExecutorService scheduler;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile Instant answeredAt;
    private volatile Instant endedAt;

    @BeforeEach
    void start() {
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        gateway.close();
    }

    private DialOut dialOut(SessionTimerConfig timers) {
        DialOut d = new DialOut(gateway.context(), timers, scheduler, Clock.systemUTC());
        gateway.addHandler(d);
        return d;
    }

    private DialListener listener() {
        return new DialListener() {
            @Override
            public void answered(InetSocketAddress remote, Codec codec, int telephoneEventPt) {
                answeredAt = Instant.now();
                events.add("answered " + codec.name() + " te=" + telephoneEventPt);
            }

            @Override
            public void failed(int status, String reason) {
                events.add("failed " + status);
            }

            @Override
            public void ended(End end) {
                endedAt = Instant.now();
                events.add("ended " + end);
            }
        };
    }

    private static TrunkConfig carrier(int port) {
        return new TrunkConfig("carrier", "127.0.0.1", port, "udp", "earpiece", "secret", null, "+4930123",
                List.of("PCMU", "PCMA"), List.of(), Duration.ZERO);
    }

    private static Path scenario(String name) {
        try {
            return Path.of(DialOutIT.class.getResource("/sipp/dial/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCarrierRequiringShortSessionTimersKeepsTheCallUpAcrossRefreshes() throws Exception {
        DialOut dial = dialOut(new SessionTimerConfig(Duration.ofSeconds(1800), Duration.ofSeconds(2)));
        int port = SippRunner.freeUdpPort("127.0.0.1");
        try (SippRunner carrier = SippRunner.builder(scenario("timer-carrier.xml")).localPort(port)
                .mediaPort(SippRunner.freeUdpPort("127.0.0.1")).key("se", "4").args("-m", "1")
                .timeout(WAIT).start()) {
            String callId = dial.dial(new DialTarget(carrier(port), "5551234"),
                    new InetSocketAddress("127.0.0.1", 40000), listener());
            await().atMost(WAIT).until(() -> events.contains("answered PCMU te=101"));
            assertThat(carrier.awaitExit(WAIT)).as("carrier took three refreshes, then hung up").isZero();
            await().atMost(WAIT).until(() -> events.contains("ended REMOTE_BYE"));
            // three UPDATEs 2 s apart: the call lived beyond its 4 s interval on refreshes alone
            assertThat(Duration.between(answeredAt, endedAt)).isGreaterThan(Duration.ofSeconds(5));
            assertThat(dial.refreshes(callId)).isEqualTo(-1);
            assertThat(dial.activeCalls()).isZero();
        }
    }

    @Test
    void after422ItAsksAgainAndHangsUpAPeerThatStopsRefreshing() throws Exception {
        DialOut dial = dialOut(new SessionTimerConfig(Duration.ofSeconds(3), Duration.ofSeconds(2)));
        int port = SippRunner.freeUdpPort("127.0.0.1");
        try (SippRunner carrier = SippRunner.builder(scenario("dead-refresher.xml")).localPort(port)
                .mediaPort(SippRunner.freeUdpPort("127.0.0.1")).key("se", "6") /* dead-refresher.xml checks the retry asks for 6 */.args("-m", "1")
                .timeout(WAIT).start()) {
            dial.dial(new DialTarget(carrier(port), "5551234"), new InetSocketAddress("127.0.0.1", 40000),
                    listener());
            await().atMost(WAIT).until(() -> events.contains("answered PCMU te=-1"));
            await().atMost(WAIT).until(() -> events.contains("ended SESSION_EXPIRED"));
            assertThat(carrier.awaitExit(WAIT)).as("carrier got the BYE").isZero();
            // the non-refreshing side hangs up before expiry: 6 s less min(32 s, a third) = 4 s
            assertThat(Duration.between(answeredAt, endedAt)).isBetween(Duration.ofMillis(3500),
                    Duration.ofMillis(6000));
        }
    }
}
