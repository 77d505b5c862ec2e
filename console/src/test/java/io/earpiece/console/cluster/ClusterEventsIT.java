package io.earpiece.console.cluster;

import io.earpiece.console.EarpieceApplication;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.KafkaBroker;
import io.earpiece.console.testing.KamailioDispatcher;
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
 * Cluster mode with a real Kafka broker (KRaft, its own process), two Earpiece nodes sharing one database and a real
 * Kamailio in front with the project's dispatcher config ({@code docker/kamailio/kamailio.cfg}): a browser connected
 * to node A follows, live, a call that node B answered, every final segment once; a broker restarted in the middle
 * of such a call leaves the browser with every final once, those published after its return included; calls sent to Kamailio spread over both nodes with each conversation's two legs
 * on one node and their BYEs reaching it, and once a node is gone new calls go to the other. The two nodes run in this JVM (two
 * application contexts with their own SIP, RTP and HTTP ports) so they can share an in-memory database; each
 * relays through the broker exactly as separate processes would.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ClusterEventsIT {

    private static final Path DATA = Path.of("target", "it-data", "cluster-events");
    private static KafkaBroker broker;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static SynthCall call;
    /** A call long enough (about two minutes) that a broker restart fits inside it with finals on either side. */
    private static SynthCall longCall;
    private static final List<ReplaySpeechRecognizer> recognizers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void cluster() throws Exception {
        call = SynthCall.generate("chorus-comparison");
        longCall = SynthCall.generate("quarterly-review-long");
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
    @org.junit.jupiter.api.Order(1)
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
    @org.junit.jupiter.api.Order(2)
    void aBrokerRestartMidCallDeliversTheLaterFinalsAndRepeatsNone() throws Exception {
        int portA = port(nodeA);
        int portB = port(nodeB);
        recognizers.forEach(r -> r.use(longCall.reference()));
        String conv = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        try (StampedEvents onA = StampedEvents.connect(portA, TestAuth.adminToken(portA));
             SipLegs legs = SipLegs.start(longCall, conv, "127.0.0.1", nodeB.getBean(SipGateway.class).port(), 1)) {
            String callId = await().atMost(Duration.ofSeconds(30)).until(() -> calls(portB).stream()
                    .filter(c -> c.conversationId().startsWith(conv)).findFirst(), java.util.Optional::isPresent)
                    .orElseThrow().id();
            await().atMost(Duration.ofSeconds(60)).until(() -> !finalsSeen(onA, callId).isEmpty());
            broker.stop();
            int storedAtStop = storedFinals(portB, callId).size();
            // the call goes on with no broker: node B stores its finals and its relay holds their events
            broker.restart();
            int storedAtReturn = storedFinals(portB, callId).size();
            legs.awaitSuccess(Duration.ofSeconds(Math.round(longCall.reference().duration_s()) + 60));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<String> stored = storedFinals(portB, callId);
                assertThat(stored).hasSizeGreaterThanOrEqualTo(longCall.reference().utterances().size());
                assertThat(finalsSeen(onA, callId)).containsExactlyInAnyOrderElementsOf(stored);
                assertThat(states(onA, callId)).contains("ended");
            });
            int total = storedFinals(portB, callId).size();
            assertThat(total).as("finals stored after the broker was back").isGreaterThan(storedAtReturn);
            List<String> finalKeys = onA.all().stream().filter(e -> e.callId().equals(callId))
                    .filter(e -> e.type().equals("segment"))
                    .map(e -> e.event().path("party").asText() + "/" + e.event().path("index").asInt()).toList();
            assertThat(finalKeys).as("no final twice in the browser").doesNotHaveDuplicates();
            System.out.printf("cluster-broker-restart: %d finals; %d stored before the broker stopped, %d when it was "
                    + "back, all %d on node a's socket once%n", total, storedAtStop, storedAtReturn, total);
        } finally {
            recognizers.forEach(r -> r.use(call.reference()));
        }
    }

    /** Last: it stops node B. */
    @Test
    @org.junit.jupiter.api.Order(3)
    void kamailioSpreadsCallsOverTheNodesKeepsEachConversationTogetherAndSkipsAGoneNode() throws Exception {
        int portA = port(nodeA);
        try (io.earpiece.sip.testing.KamailioRunner kamailio = KamailioDispatcher.start(DATA,
                nodeA.getBean(SipGateway.class).port(), nodeB.getBean(SipGateway.class).port())) {
            double startedA = started(nodeA);
            double startedB = started(nodeB);
            int conversations = 12;
            String conv = "kam-" + UUID.randomUUID().toString().substring(0, 8);
            try (SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", kamailio.port(), conversations)) {
                legs.awaitSuccess(Duration.ofSeconds(Math.round(call.reference().duration_s()) + 90));
            }
            List<CallViews.CallSummary> mine = await().atMost(Duration.ofSeconds(20)).until(() -> calls(portA).stream()
                    .filter(c -> c.conversationId().startsWith(conv)).toList(),
                    l -> l.size() == conversations && l.stream().allMatch(c -> "ENDED".equals(c.status())));
            assertThat(mine).as("each conversation's two legs on one node, ended by BYEs through Kamailio")
                    .allSatisfy(c -> assertThat(c.parties()).hasSize(2));
            double onA = started(nodeA) - startedA;
            double onB = started(nodeB) - startedB;
            System.out.printf("cluster-kamailio: %d conversations, %.0f on node a, %.0f on node b%n", conversations,
                    onA, onB);
            assertThat(onA + onB).isEqualTo(conversations);
            assertThat(onA).as("calls on node a").isPositive();
            assertThat(onB).as("calls on node b").isPositive();

            // node B goes away: new conversations all land on node A
            nodeB.close();
            double before = started(nodeA);
            String after = "kam2-" + UUID.randomUUID().toString().substring(0, 8);
            try (SipLegs legs = SipLegs.start(call, after, "127.0.0.1", kamailio.port(), 4)) {
                legs.awaitSuccess(Duration.ofSeconds(Math.round(call.reference().duration_s()) + 90));
            }
            assertThat(started(nodeA) - before).as("conversations on node a after node b left").isEqualTo(4);
        }
    }

    private static double started(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).get("earpiece.calls.started").counter().count();
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
        recognizers.add(replay);
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
