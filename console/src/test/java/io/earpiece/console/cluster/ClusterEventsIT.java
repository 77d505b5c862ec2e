package io.earpiece.console.cluster;

import io.earpiece.console.EarpieceApplication;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.KafkaBroker;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.StampedEvents;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.TestClassesExcluded;
import io.earpiece.sip.SipGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster mode's event backbone with a real Kafka broker (KRaft, its own process) and two Earpiece nodes sharing one
 * database: a browser connected to node A follows, live, a call that node B answered, every final segment once;
 * and events published while the broker restarts still arrive afterwards. The two nodes run in this JVM (two
 * application contexts with their own SIP, RTP and HTTP ports) so they can share an in-memory database; each
 * relays through the broker exactly as separate processes would.
 */
class ClusterEventsIT {

    private static final Path DATA = Path.of("target", "it-data", "cluster-events");
    private static KafkaBroker broker;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static SynthCall call;

    @BeforeAll
    static void cluster() throws Exception {
        call = SynthCall.generate("bad-timing");
        broker = KafkaBroker.start(DATA.resolve("kafka-" + UUID.randomUUID().toString().substring(0, 8)));
        String db = "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        nodeA = node("a", db, 46000);
        nodeB = node("b", db, 46200);
        for (var node : List.of(nodeA, nodeB)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> node.getBean(KafkaEventRelay.class).receiving());
        }
    }

    @AfterAll
    static void stop() {
        for (var node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aBrowserOnOneNodeFollowsACallAnsweredByTheOther() throws Exception {
        int portA = port(nodeA);
        int portB = port(nodeB);
        String conv = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        try (StampedEvents onA = StampedEvents.connect(portA, TestAuth.adminToken(portA));
             SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", nodeB.getBean(SipGateway.class).port(), 1)) {
            legs.awaitSuccess(Duration.ofSeconds(Math.round(call.reference().duration_s()) + 60));
            CallViews.CallSummary answered = await().atMost(Duration.ofSeconds(10)).until(
                    () -> calls(portB).stream().filter(c -> c.conversationId().startsWith(conv)).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            String callId = answered.id();
            // every final node B stored reaches the browser on node A, each once
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Set<String> stored = storedFinals(portB, callId);
                assertThat(stored).hasSizeGreaterThanOrEqualTo(call.reference().utterances().size());
                assertThat(finalsSeen(onA, callId)).containsExactlyInAnyOrderElementsOf(stored);
            });
            assertThat(onA.all().stream().filter(e -> e.callId().equals(callId))
                    .filter(e -> e.type().equals("call")).map(e -> e.event().path("state").asText()))
                    .as("call state from node B").contains("ended");
            List<String> finalKeys = onA.all().stream().filter(e -> e.callId().equals(callId))
                    .filter(e -> e.type().equals("segment"))
                    .map(e -> e.event().path("party").asText() + "/" + e.event().path("index").asInt()).toList();
            assertThat(finalKeys).as("no final twice").doesNotHaveDuplicates();
        }
        var delay = nodeA.getBean(MeterRegistry.class).find("earpiece.cluster.event.delay").timer();
        System.out.printf("cluster-events: %d events from node B, mean delay %.1f ms, max %.1f ms%n", delay.count(),
                delay.mean(TimeUnit.MILLISECONDS), delay.max(TimeUnit.MILLISECONDS));
    }

    @Test
    void eventsPublishedWhileTheBrokerRestartsArriveAfterwards() throws Exception {
        int portA = port(nodeA);
        try (StampedEvents onA = StampedEvents.connect(portA, TestAuth.adminToken(portA))) {
            var bus = nodeB.getBean(io.earpiece.console.events.CallEventBus.class);
            String callId = "restart-" + UUID.randomUUID();
            bus.publish(new io.earpiece.console.events.CallStateEvent(callId, "STARTED", null));
            await().atMost(Duration.ofSeconds(20)).until(() -> states(onA, callId).contains("STARTED"));
            broker.stop();
            // published while no broker runs: the relay's producer holds it and retries
            bus.publish(new io.earpiece.console.events.CallStateEvent(callId, "ENDED", null));
            broker.restart();
            await().atMost(Duration.ofSeconds(90)).until(() -> states(onA, callId).contains("ENDED"));
            assertThat(states(onA, callId)).containsExactly("STARTED", "ENDED");
        }
    }

    private static List<String> states(StampedEvents events, String callId) {
        return events.all().stream().filter(e -> e.callId().equals(callId)).filter(e -> e.type().equals("call"))
                .map(e -> e.event().path("state").asText()).toList();
    }

    private static Set<String> finalsSeen(StampedEvents events, String callId) {
        return events.all().stream().filter(e -> e.callId().equals(callId))
                .filter(e -> e.type().equals("segment") || e.type().equals("retracted"))
                .map(e -> e.event().path("party").asText() + "/" + e.event().path("index").asInt())
                .collect(Collectors.toSet());
    }

    private static Set<String> storedFinals(int port, String callId) {
        CallViews.CallDetail detail = TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/api/calls/" + callId)
                .exchange().expectStatus().isOk().expectBody(CallViews.CallDetail.class).returnResult()
                .getResponseBody();
        return detail.segments().stream().map(s -> s.party() + "/" + s.index()).collect(Collectors.toSet());
    }

    private static List<CallViews.CallSummary> calls(int port) {
        return TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/api/calls?size=100").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody();
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext node(String name, String db, int rtpBase) {
        ReplaySpeechRecognizer replay = new ReplaySpeechRecognizer();
        replay.use(call.reference());
        List<String> args = new ArrayList<>(List.of(
                "server.port=0", "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0",
                "earpiece.sip.public-host=127.0.0.1", "earpiece.rtp.host=127.0.0.1",
                "earpiece.rtp.port-min=" + rtpBase, "earpiece.rtp.port-max=" + (rtpBase + 99),
                TestAuth.ADMIN_PASSWORD_PROPERTY, "earpiece.data-dir=" + DATA.resolve(name),
                "earpiece.reports.nightly=false", "spring.datasource.url=" + db,
                "earpiece.cluster.node-id=" + name, "earpiece.cluster.kafka.bootstrap-servers=" + broker.bootstrap(),
                "earpiece.cluster.kafka.partitions=3"));
        return new SpringApplicationBuilder(EarpieceApplication.class)
                .initializers(TestClassesExcluded::register,
                        c -> c.getBeanFactory().registerSingleton("replaySpeechRecognizer", replay))
                .run(args.stream().map(a -> "--" + a).toArray(String[]::new));
    }
}
