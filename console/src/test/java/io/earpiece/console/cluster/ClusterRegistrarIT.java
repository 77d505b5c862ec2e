package io.earpiece.console.cluster;

import io.earpiece.console.telephony.AdminViews;
import io.earpiece.console.testing.KamailioDispatcher;
import io.earpiece.console.testing.RelayedCallChecks;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.TwoNodeCluster;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.trunk.KamailioCarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One registrar view for a cluster: two Earpiece nodes in JVMs of their own on one real PostgreSQL (and one Kafka
 * broker: cluster mode) share the registrar's bindings. A rep's phone (sipp) registers through node A; the carrier (Kamailio, demanding digest auth)
 * sends the customer's call to the rep's DID to node B, the only node whose trunk registered there; node B finds the
 * phone in the shared view, rings it and relays the call, both parties' audio arriving intact and transcribed. And a
 * registration made through node A and removed through node B is gone for node A.
 */
class ClusterRegistrarIT {

    private static final String REP = "cluster-rep";
    private static final String REP_PASSWORD = "shared-view-42";
    /** The rep's phone is on another loopback address, so that node B does not take it for the carrier. */
    private static final String REP_HOST = "127.0.0.2";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SynthCall call;
    private static TwoNodeCluster cluster;
    private static KamailioRunner carrier;
    private static Path scenarios;
    private static final String[] tokens = new String[2];

    @BeforeAll
    static void cluster() throws Exception {
        call = SynthCall.generate("budget-freeze");
        int customerPort = SippRunner.freeUdpPort("127.0.0.1");
        carrier = KamailioCarrier.start("MD5", customerPort);
        cluster = TwoNodeCluster.start("cluster-registrar", true, 42400, List.of(
                "earpiece.test.replay-reference=" + call.dir().resolve(call.name() + ".json"),
                "earpiece.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "earpiece.telephony.realm=earpiece.test",
                // sipp 3.6 answers only the first challenge and knows only MD5
                "earpiece.telephony.digest-algorithms=MD5,SHA-256"));
        scenarios = cluster.data().resolve("scenarios");
        // the rep's account through node A, the trunk and the DID through node B: one database holds them all
        admin(0).post().uri("/api/admin/sip-users").bodyValue(Map.of("username", REP, "password", REP_PASSWORD))
                .exchange().expectStatus().isCreated();
        admin(1).post().uri("/api/admin/trunks").bodyValue(Map.of("id", "carrier", "host", "127.0.0.1",
                        "port", carrier.port(), "username", KamailioCarrier.TRUNK_USER,
                        "password", KamailioCarrier.TRUNK_PASSWORD, "realm", KamailioCarrier.REALM,
                        "callerId", KamailioCarrier.DID, "codecs", List.of("PCMU"),
                        "allowedSources", List.of("127.0.0.1"), "registerIntervalSeconds", 120))
                .exchange().expectStatus().isCreated();
        admin(1).put().uri("/api/admin/did-routes/" + KamailioCarrier.DID).bodyValue(Map.of("rep", REP))
                .exchange().expectStatus().isOk();
        await().atMost(WAIT).until(() -> admin(1).get().uri("/api/admin/trunks/carrier").exchange()
                .expectStatus().isOk().expectBody(AdminViews.TrunkView.class).returnResult().getResponseBody()
                .status().state(), s -> s.equals("REGISTERED"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {cluster, carrier}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** An admin's client of node {@code i}, signed in once (fresh sign-ins while polling meet the login throttle). */
    private static WebTestClient admin(int i) {
        if (tokens[i] == null) {
            tokens[i] = TestAuth.adminToken(cluster.httpPort(i));
        }
        return TestAuth.as(cluster.httpPort(i), tokens[i]);
    }

    @Test
    void aPhoneRegisteredThroughNodeAIsRungByACallThatReachesNodeB() throws Exception {
        int repPort = SippRunner.freeUdpPort(REP_HOST);
        assertThat(register(0, repPort, 300)).as("REGISTER through node A").isZero();
        assertThat(devices(1)).as("node B's view of the rep's devices")
                .contains("sip:" + REP + "@" + REP_HOST + ":" + repPort + ";transport=udp");
        assertThat(cluster.column("select contact, node_id from sip_bindings where username = '" + REP + "'"))
                .as("the node that took the REGISTER").containsValue("a");

        RelayedCallChecks onB = new RelayedCallChecks(admin(1), call, WAIT);
        int before = onB.endedCalls("INBOUND").size();
        onB.customerCallsTheRepsDid(carrier, REP_HOST, repPort, cluster.sipPort(0), scenarios);
        AdminViews.CallDetailView cdr = onB.endedCallAfter("INBOUND", before);
        assertThat(cdr.remote()).isEqualTo(KamailioCarrier.CUSTOMER_USER);
        onB.assertRelayedAndTranscribed(cdr, REP, "carrier");
        assertThat(cluster.column("select conversation_id, node_id from calls")).as("the call ran on node B")
                .containsEntry(cdr.conversationId(), "b");
    }

    @Test
    void aPhoneRegisteredThroughTheDispatcherIsRungThroughItsPath() throws Exception {
        try (KamailioRunner dispatcher = KamailioDispatcher.start(cluster)) {
            int repPort = SippRunner.freeUdpPort(REP_HOST);
            String contact = "sip:" + REP + "@" + REP_HOST + ":" + repPort + ";transport=udp";
            assertThat(register("127.0.0.1", dispatcher.port(), repPort, 300)).as("REGISTER through Kamailio").isZero();
            Map<String, String> paths = cluster.column("select contact, path from sip_bindings where username = '"
                    + REP + "'");
            assertThat(paths.get(contact)).as("the Path Kamailio recorded, with the address the phone sent from")
                    .contains("127.0.0.1:" + dispatcher.port()).contains("received=").contains(REP_HOST);

            RelayedCallChecks onB = new RelayedCallChecks(admin(1), call, WAIT);
            int before = onB.endedCalls("INBOUND").size();
            onB.customerCallsTheRepsDid(carrier, REP_HOST, repPort, dispatcher.port(), scenarios);
            AdminViews.CallDetailView cdr = onB.endedCallAfter("INBOUND", before);
            onB.assertRelayedAndTranscribed(cdr, REP, "carrier");
            assertThat(register("127.0.0.1", dispatcher.port(), repPort, 0)).as("unREGISTER through Kamailio").isZero();
        }
    }

    @Test
    void aRegistrationMadeThroughNodeAAndRemovedThroughNodeBIsGoneForNodeA() throws Exception {
        int port = SippRunner.freeUdpPort(REP_HOST);
        String contact = "sip:" + REP + "@" + REP_HOST + ":" + port + ";transport=udp";
        assertThat(register(0, port, 600)).as("REGISTER through node A").isZero();
        assertThat(devices(0)).contains(contact);
        assertThat(register(1, port, 0)).as("unREGISTER (expires 0) through node B").isZero();
        assertThat(devices(0)).as("node A's view after node B removed it").doesNotContain(contact);
        assertThat(devices(1)).doesNotContain(contact);
    }

    /** The rep's phone at {@code REP_HOST:port} REGISTERs through node {@code node}; sipp's exit code. */
    private static int register(int node, int port, int expires) throws IOException {
        return register("127.0.0.1", cluster.sipPort(node), port, expires);
    }

    private static int register(String host, int sipPort, int port, int expires) throws IOException {
        // the answer to an unREGISTER of the last device lists no Contact to check
        return SippRunner.builder(SippRunner.editedScenario("/sipp/register/register-auth.xml", scenarios,
                        s -> expires == 0 ? s.replace(" check_it=\"true\"", "") : s))
                .remote(host, sipPort).localHost(REP_HOST).localPort(port).timeout(WAIT)
                .key("user", REP).key("expires", Integer.toString(expires)).args("-au", REP, "-ap", REP_PASSWORD)
                .run();
    }

    /** The rep's registered devices as node {@code node}'s admin API lists them. */
    private static List<String> devices(int node) {
        return admin(node).get().uri("/api/admin/sip-users/" + REP).exchange().expectStatus().isOk()
                .expectBody(AdminViews.SipUserView.class).returnResult().getResponseBody().devices().stream()
                .map(AdminViews.DeviceView::contact).toList();
    }
}
