package io.earpiece.console.cluster;

import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.ServerProcess;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.StampedEvents;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.TwoNodeCluster;
import io.earpiece.console.testing.KamailioDispatcher;
import io.earpiece.sip.testing.KamailioRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cluster as it runs in production, on loopback: two Earpiece nodes in JVMs of their own on one real PostgreSQL
 * (a fresh database; Flyway migrates it once while both start together), one real Kafka broker and a real Kamailio
 * running the shipped dispatcher config in front. Node B is killed with SIGKILL in the middle of its calls: node A's
 * calls go on untouched, every final that B announced is in the shared database, node A ends B's calls
 * ({@code NODE_LOST}) and writes their summaries, and new calls all go to node A. Then B is started again and rejoins,
 * and a drain ({@code POST /actuator/drain}) takes it out again without cutting off its calls in progress: new calls
 * go to A, B's calls end by their own BYEs, and the B process exits by itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    /** Finals node B must have announced (over all its calls) before it is killed. */
    private static final int ANNOUNCED_BEFORE_KILL = 3;
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(8);

    private static SynthCall call;
    private static TwoNodeCluster cluster;
    private static KamailioRunner kamailio;
    private static ServerProcess nodeB;
    private static final int[] httpPorts = new int[2];

    @BeforeAll
    static void cluster() throws Exception {
        call = SynthCall.generate("chorus-comparison");
        cluster = TwoNodeCluster.start("cluster-failover", true, 43800, List.of(
                "earpiece.test.replay-reference=" + call.dir().resolve(call.name() + ".json"),
                "earpiece.cluster.heartbeat=1s", "earpiece.cluster.node-timeout=" + NODE_TIMEOUT.toSeconds() + "s"));
        nodeB = cluster.node(1);
        for (int i = 0; i < 2; i++) {
            httpPorts[i] = cluster.httpPort(i);
        }
        kamailio = KamailioDispatcher.start(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {kamailio, cluster}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void aKilledNodesCallsAreEndedAndSummarisedByTheOtherAndNewCallsAvoidIt() throws Exception {
        int a = httpPorts[0];
        String conv = "fail-" + UUID.randomUUID().toString().substring(0, 8);
        int conversations = 6;
        try (StampedEvents onA = StampedEvents.connect(a, TestAuth.adminToken(a));
             StampedEvents onB = StampedEvents.connect(httpPorts[1], TestAuth.adminToken(httpPorts[1]));
             SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", kamailio.port(), conversations)) {
            // both nodes busy, and B has announced finals
            List<CallViews.CallSummary> live = await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(60)).until(() -> calls(a, conv),
                    l -> l.size() == conversations && nodes(l).size() == 2
                            && announced(onA, onB, ids(l, "b")).size() >= ANNOUNCED_BEFORE_KILL);
            Set<String> onNodeB = ids(live, "b");
            Set<String> onNodeA = ids(live, "a");
            nodeB.kill();
            long killedAt = System.nanoTime();
            // what B's socket had before the kill counts as announced too
            Set<String> announcedByB = announced(onA, onB, onNodeB);

            List<CallViews.CallSummary> afterKill = await().pollInterval(Duration.ofMillis(500)).atMost(NODE_TIMEOUT.plusSeconds(30))
                    .until(() -> calls(a, conv), l -> l.stream().filter(c -> onNodeB.contains(c.id()))
                            .allMatch(c -> "ENDED".equals(c.status())));
            double recoveredS = (System.nanoTime() - killedAt) / 1e9;
            assertThat(afterKill).filteredOn(c -> onNodeB.contains(c.id())).extracting(CallViews.CallSummary::endReason)
                    .as("node B's calls ended by node A").containsOnly("NODE_LOST");
            assertThat(stored(a, onNodeB)).as("every final B announced is in the shared database")
                    .containsAll(announcedByB);
            for (String id : onNodeB) {
                await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> admin(a)
                        .get().uri("/api/calls/" + id + "/summary").exchange().expectStatus().isOk());
            }
            assertThat(onA.all()).as("browsers on A told that B's calls ended")
                    .filteredOn(e -> onNodeB.contains(e.callId()) && e.type().equals("call"))
                    .extracting(e -> e.event().path("state").asText()).contains("ended");

            // node A's calls were not disturbed: they run to their BYEs with both parties
            List<CallViews.CallSummary> done = await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(90)).until(() -> calls(a, conv),
                    l -> l.stream().filter(c -> onNodeA.contains(c.id())).allMatch(c -> "ENDED".equals(c.status())));
            assertThat(done).filteredOn(c -> onNodeA.contains(c.id())).allSatisfy(c -> {
                assertThat(c.endReason()).isEqualTo("REMOTE_BYE");
                assertThat(c.parties()).hasSize(2);
                assertThat(c.segments()).isGreaterThanOrEqualTo(call.reference().utterances().size());
            });
            System.out.printf("cluster-failover: %d conversations, %d on node a, %d on node b; %d finals announced by "
                    + "b before the kill, all stored; b's calls ended %.1f s after the kill%n", conversations,
                    onNodeA.size(), onNodeB.size(), announcedByB.size(), recoveredS);
        }

        // new calls: all on node A (Kamailio's probes find B gone; a call sent there meanwhile is retried on A)
        String after = "after-" + UUID.randomUUID().toString().substring(0, 8);
        try (SipLegs legs = SipLegs.start(call, after, "127.0.0.1", kamailio.port(), 3)) {
            legs.awaitSuccess(Duration.ofSeconds(Math.round(call.reference().duration_s()) + 90));
        }
        List<CallViews.CallSummary> later = await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20)).until(() -> calls(a, after),
                l -> l.size() == 3 && l.stream().allMatch(c -> "ENDED".equals(c.status())));
        assertThat(later).extracting(CallViews.CallSummary::node).containsOnly("a");
    }

    @Test
    @Order(2)
    void theRestartedNodeRejoinsAndADrainTakesItOutWithoutCuttingItsCalls() throws Exception {
        nodeB = cluster.restart(1);
        tokens.remove(httpPorts[1]);
        int b = httpPorts[1];
        int a = httpPorts[0];
        // rejoined once Kamailio's probe got its 200
        await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30)).until(() -> sipRequests(b, "OPTIONS") >= 1);
        String conv = "drain-" + UUID.randomUUID().toString().substring(0, 8);
        int conversations = 6;
        try (SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", kamailio.port(), conversations)) {
            List<CallViews.CallSummary> live = await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(60)).until(() -> calls(a, conv),
                    l -> l.size() == conversations && l.stream().allMatch(c -> "ACTIVE".equals(c.status())));
            Set<String> onNodeB = ids(live, "b");
            assertThat(onNodeB).as("calls on the restarted node").isNotEmpty();

            TestAuth.user(b, "drain-rep", "REP", null, null, null);
            String drain = admin(b).post().uri("/actuator/drain").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(drain).contains("draining");
            TestAuth.asUser(b, "drain-rep").post().uri("/actuator/drain").exchange().expectStatus().isForbidden();
            TestAuth.anonymous(b).get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);

            String during = "during-" + UUID.randomUUID().toString().substring(0, 8);
            try (SipLegs more = SipLegs.start(call, during, "127.0.0.1", kamailio.port(), 4)) {
                more.awaitSuccess(Duration.ofSeconds(Math.round(call.reference().duration_s()) + 90));
            }
            legs.awaitSuccess(Duration.ofSeconds(Math.round(call.reference().duration_s()) + 90));
            assertThat(await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20)).until(() -> calls(a, during),
                    l -> l.size() == 4 && l.stream().allMatch(c -> "ENDED".equals(c.status()))))
                    .as("new calls while B drains").extracting(CallViews.CallSummary::node).containsOnly("a");
            assertThat(await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20)).until(() -> calls(a, conv),
                    l -> l.stream().allMatch(c -> "ENDED".equals(c.status()))))
                    .filteredOn(c -> onNodeB.contains(c.id())).allSatisfy(c -> {
                        assertThat(c.endReason()).as("ended by the caller's BYE, not cut off").isEqualTo("REMOTE_BYE");
                        assertThat(c.segments()).isGreaterThanOrEqualTo(call.reference().utterances().size());
                    });
        }
        assertThat(nodeB.awaitExit(Duration.ofSeconds(60))).as("node B exits once drained").isZero();
    }

    private static final Map<Integer, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** The admin, signed in once per node (polling with fresh sign-ins would run into the login throttle). */
    private static org.springframework.test.web.reactive.server.WebTestClient admin(int port) {
        return TestAuth.as(port, tokens.computeIfAbsent(port, TestAuth::adminToken));
    }

    private static Set<String> nodes(List<CallViews.CallSummary> calls) {
        return calls.stream().map(CallViews.CallSummary::node).collect(Collectors.toSet());
    }

    private static Set<String> ids(List<CallViews.CallSummary> calls, String node) {
        return calls.stream().filter(c -> node.equals(c.node())).map(CallViews.CallSummary::id)
                .collect(Collectors.toSet());
    }

    /** party/index/text of every final the two sockets were told of for these calls. */
    private static Set<String> announced(StampedEvents onA, StampedEvents onB, Set<String> callIds) {
        return Stream.concat(onA.all().stream(), onB.all().stream())
                .filter(e -> e.type().equals("segment") && callIds.contains(e.callId()))
                .map(e -> e.callId() + "/" + e.event().path("party").asText() + "/" + e.event().path("index").asInt()
                        + "/" + e.event().path("text").asText())
                .collect(Collectors.toSet());
    }

    private static Set<String> stored(int port, Set<String> callIds) {
        Set<String> out = new java.util.HashSet<>();
        for (String id : callIds) {
            CallViews.CallDetail d = admin(port).get().uri("/api/calls/" + id)
                    .exchange().expectStatus().isOk().expectBody(CallViews.CallDetail.class).returnResult()
                    .getResponseBody();
            d.segments().forEach(s -> out.add(id + "/" + s.party() + "/" + s.index() + "/" + s.text()));
        }
        return out;
    }

    private static List<CallViews.CallSummary> calls(int port, String conversationPrefix) {
        return admin(port).get().uri("/api/calls?size=100").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody().stream().filter(c -> c.conversationId().startsWith(conversationPrefix))
                .toList();
    }

    private static double sipRequests(int port, String method) {
        String text = admin(port).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return text.lines().filter(l -> l.startsWith("earpiece_sip_requests_total{") && l.contains(
                "method=\"" + method + "\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
