package io.earpiece.console.upload;

import io.earpiece.console.testing.KafkaBroker;
import io.earpiece.console.testing.ServerProcess;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestPostgres;
import io.earpiece.console.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work queued in the shared database is done once by a cluster, not once per node: two Earpiece nodes in JVMs of
 * their own, on one real PostgreSQL (a fresh database) and one Kafka broker, both claim upload jobs and export jobs
 * ({@code SELECT … FOR UPDATE SKIP LOCKED}). Recordings uploaded to node A while its one job slot is busy are run by
 * whichever node is free, each exactly once (one attempt, one call); export jobs put in the outbox all at once are
 * claimed by both nodes' workers in parallel and each reaches the webhook receiver exactly once.
 */
class ClusterClaimsIT {

    private static final Path DATA = Path.of("target", "it-data", "cluster-claims").toAbsolutePath();
    private static final String SECRET = "cluster-claims-secret";
    private static final int UPLOADS = 6;
    private static final int EXPORTS = 200;

    private static SynthCall call;
    private static KafkaBroker broker;
    private static WebhookReceiver receiver;
    private static List<String> database;
    private static final ServerProcess[] nodes = new ServerProcess[2];

    @BeforeAll
    static void cluster() throws Exception {
        database = TestPostgres.freshDatabase("cluster_claims");
        call = SynthCall.generate("budget-freeze");
        Files.createDirectories(DATA);
        broker = KafkaBroker.start(DATA.resolve("kafka-" + UUID.randomUUID().toString().substring(0, 8)));
        receiver = new WebhookReceiver(SECRET, 0);
        // both at once, as a new cluster starts: they race for Flyway's lock
        List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i;
            starting.add(CompletableFuture.supplyAsync(() -> start(n)));
        }
        for (int i = 0; i < 2; i++) {
            nodes[i] = starting.get(i).join();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {nodes[1], nodes[0], broker, receiver}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void uploadJobsAndExportJobsAreEachRunOnceByWhicheverNodeClaimsThem() throws Exception {
        UploadClient onA = new UploadClient(nodes[0].httpPort());
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            jobIds.add(onA.accepted(call.dir().resolve(call.name() + ".stereo.wav"), "claim-" + i + ".wav").id());
        }
        Map<String, UploadView> done = new HashMap<>();
        for (String id : jobIds) {
            // followed on node A whichever node runs it: the job's state is in the shared database
            done.put(id, onA.awaitFinal(id, Duration.ofMinutes(3)));
        }
        assertThat(done.values()).allSatisfy(v -> {
            assertThat(v.state()).as(v.reason()).isEqualTo("DONE");
            assertThat(v.attempts()).as("runs of job %s", v.id()).isEqualTo(1);
        });
        assertThat(done.values().stream().map(UploadView::callId).distinct()).hasSize(UPLOADS);
        Map<String, String> uploadClaimants = column("select id, claimed_by from upload_jobs");
        assertThat(uploadClaimants.values()).as("nodes that ran upload jobs").containsOnly("a", "b").contains("a", "b");
        assertThat(count("select count(*) from calls")).as("one call per upload").isEqualTo(UPLOADS);

        Instant due = Instant.now();
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("insert into export_outbox (id, "
                + "call_id, exporter, idempotency_key, payload, state, attempts, due_at, created_at, updated_at) "
                + "values (?, ?, 'webhook:crm', ?, ?, 'PENDING', 0, ?, ?, ?)")) {
            for (int i = 0; i < EXPORTS; i++) {
                String callId = "claims-" + i;
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, callId);
                insert.setString(3, "claims-key-" + i);
                insert.setString(4, "{\"callId\":\"" + callId + "\",\"startedAt\":\"" + due + "\",\"summaryText\":"
                        + "\"Exported once by a cluster.\"}");
                Timestamp at = Timestamp.from(due);
                insert.setTimestamp(5, at);
                insert.setTimestamp(6, at);
                insert.setTimestamp(7, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                count("select count(*) from export_outbox where call_id like 'claims-%' and state <> 'PENDING'")
                        == EXPORTS);
        assertThat(column("select id, state || ' ' || coalesce(last_outcome, '') from export_outbox "
                + "where call_id like 'claims-%' and state <> 'DELIVERED'")).as("export jobs not delivered").isEmpty();
        Map<String, Long> requestsByKey = receiver.requests.stream().filter(r -> r.idempotencyKey().startsWith(
                "claims-key-")).collect(Collectors.groupingBy(WebhookReceiver.Received::idempotencyKey,
                Collectors.counting()));
        assertThat(requestsByKey).as("deliveries per export job").hasSize(EXPORTS)
                .allSatisfy((key, deliveries) -> assertThat(deliveries).as(key).isEqualTo(1));
        Map<String, String> exportClaimants = column(
                "select id, claimed_by from export_outbox where call_id like 'claims-%'");
        Map<String, Long> perNode = exportClaimants.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perNode.keySet()).as("nodes that delivered export jobs").containsExactlyInAnyOrder("a", "b");
        System.out.printf("cluster-claims: %d uploads run by %s; %d export jobs delivered once each, by node %s%n",
                UPLOADS, uploadClaimants.values().stream().collect(Collectors.groupingBy(Function.identity(),
                        Collectors.counting())), EXPORTS, perNode);
    }

    private static ServerProcess start(int i) {
        String name = i == 0 ? "a" : "b";
        List<String> properties = new ArrayList<>(database);
        properties.addAll(List.of("earpiece.data-dir=" + DATA.resolve(name),
                "earpiece.test.replay-reference=" + call.dir().resolve(call.name() + ".json"),
                "earpiece.rtp.port-min=" + (44800 + 100 * i), "earpiece.rtp.port-max=" + (44899 + 100 * i),
                "earpiece.cluster.node-id=" + name, "earpiece.cluster.kafka.bootstrap-servers=" + broker.bootstrap(),
                "earpiece.cluster.kafka.partitions=3",
                // one job at a time per node, so that uploads queue and the other node's claims matter
                "earpiece.uploads.jobs=1", "earpiece.uploads.claim-interval=300ms",
                "earpiece.exports.webhooks[0].name=crm", "earpiece.exports.webhooks[0].url=" + receiver.url(),
                "earpiece.exports.webhooks[0].signing-secret=" + SECRET,
                "earpiece.exports.worker.poll-interval=100ms", "earpiece.exports.worker.batch-size=5"));
        try {
            return ServerProcess.start(ServerProcess.freePort(), ServerProcess.freePort(),
                    DATA.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log"), properties);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Connection connect() throws SQLException {
        Map<String, String> p = database.stream().map(s -> s.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        return DriverManager.getConnection(p.get("spring.datasource.url"), p.get("spring.datasource.username"),
                p.get("spring.datasource.password"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Map<String, String> column(String sql) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                out.put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }
}
