package io.earpiece.console.upload;

import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TwoNodeCluster;
import io.earpiece.console.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static final String SECRET = "cluster-claims-secret";
    private static final int UPLOADS = 6;
    private static final int EXPORTS = 200;

    private static SynthCall call;
    private static WebhookReceiver receiver;
    private static TwoNodeCluster cluster;

    @BeforeAll
    static void cluster() throws Exception {
        call = SynthCall.generate("budget-freeze");
        receiver = new WebhookReceiver(SECRET, 0);
        cluster = TwoNodeCluster.start("cluster-claims", true, 44800, List.of(
                "earpiece.test.replay-reference=" + call.dir().resolve(call.name() + ".json"),
                // one job at a time per node, so that uploads queue and the other node's claims matter
                "earpiece.uploads.jobs=1", "earpiece.uploads.claim-interval=300ms",
                "earpiece.exports.webhooks[0].name=crm", "earpiece.exports.webhooks[0].url=" + receiver.url(),
                "earpiece.exports.webhooks[0].signing-secret=" + SECRET,
                "earpiece.exports.worker.poll-interval=100ms", "earpiece.exports.worker.batch-size=5"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {cluster, receiver}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void uploadJobsAndExportJobsAreEachRunOnceByWhicheverNodeClaimsThem() throws Exception {
        UploadClient onA = new UploadClient(cluster.httpPort(0));
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
        Map<String, String> uploadClaimants = cluster.column("select id, claimed_by from upload_jobs");
        assertThat(uploadClaimants.values()).as("nodes that ran upload jobs").containsOnly("a", "b").contains("a", "b");
        assertThat(cluster.count("select count(*) from calls")).as("one call per upload").isEqualTo(UPLOADS);

        Instant due = Instant.now();
        try (Connection c = cluster.connect(); PreparedStatement insert = c.prepareStatement("insert into export_outbox "
                + "(id, call_id, exporter, idempotency_key, payload, state, attempts, due_at, created_at, updated_at) "
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
                cluster.count("select count(*) from export_outbox where call_id like 'claims-%' and state <> 'PENDING'")
                        == EXPORTS);
        assertThat(cluster.column("select id, state || ' ' || coalesce(last_outcome, '') from export_outbox "
                + "where call_id like 'claims-%' and state <> 'DELIVERED'")).as("export jobs not delivered").isEmpty();
        Map<String, Long> requestsByKey = receiver.requests.stream().filter(r -> r.idempotencyKey().startsWith(
                "claims-key-")).collect(Collectors.groupingBy(WebhookReceiver.Received::idempotencyKey,
                Collectors.counting()));
        assertThat(requestsByKey).as("deliveries per export job").hasSize(EXPORTS)
                .allSatisfy((key, deliveries) -> assertThat(deliveries).as(key).isEqualTo(1));
        Map<String, String> exportClaimants = cluster.column(
                "select id, claimed_by from export_outbox where call_id like 'claims-%'");
        Map<String, Long> perNode = exportClaimants.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perNode.keySet()).as("nodes that delivered export jobs").containsExactlyInAnyOrder("a", "b");
        System.out.printf("cluster-claims: %d uploads run by %s; %d export jobs delivered once each, by node %s%n",
                UPLOADS, uploadClaimants.values().stream().collect(Collectors.groupingBy(Function.identity(),
                        Collectors.counting())), EXPORTS, perNode);
    }
}
