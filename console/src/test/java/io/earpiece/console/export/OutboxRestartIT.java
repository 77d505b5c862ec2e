package io.earpiece.console.export;

import io.earpiece.console.EarpieceApplication;
import io.earpiece.console.summary.CallSummaries;
import io.earpiece.console.testing.HubSpotStub;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.assist.InsightEntity;
import io.earpiece.db.assist.InsightRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.outbox.OutboxJobEntity;
import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The export outbox survives a stop mid-delivery: HubSpot (a loopback stub) fails the first note creations,
 * then the application is stopped while a task creation is in flight (the stub stores the task, the answer is
 * lost), and a new application on the same database file finishes the job: one note and one task per action
 * item exist at the stub, each exactly once, and the admin API never shows the token.
 */
class OutboxRestartIT {

    static final Path DATA = Path.of("target", "it-data", "outbox-restart");

    private ConfigurableApplicationContext start(HubSpotStub stub) {
        return new SpringApplicationBuilder(EarpieceApplication.class).run(
                "--server.port=0", "--earpiece.sip.host=127.0.0.1", "--earpiece.sip.port=0",
                "--" + TestAuth.ADMIN_PASSWORD_PROPERTY,
                "--earpiece.sip.public-host=127.0.0.1", "--earpiece.rtp.host=127.0.0.1",
                "--earpiece.rtp.port-min=47300", "--earpiece.rtp.port-max=47399",
                "--earpiece.data-dir=" + DATA, "--earpiece.reports.nightly=false",
                "--spring.datasource.url=jdbc:h2:file:" + DATA.toAbsolutePath() + "/db/earpiece",
                "--earpiece.exports.hubspot.base-url=" + stub.baseUrl(),
                "--earpiece.exports.hubspot.access-token=" + HubSpotStub.TOKEN,
                "--earpiece.exports.worker.poll-interval=200ms", "--earpiece.exports.worker.lease=3s",
                "--earpiece.exports.worker.retry-base=200ms", "--earpiece.exports.worker.retry-cap=1s",
                "--earpiece.exports.worker.timeout=5s");
    }

    @Test
    void aRestartMidDeliveryLosesAndDuplicatesNothing() throws Exception {
        deleteRecursively(DATA);
        try (HubSpotStub stub = new HubSpotStub(2)) {
            ConfigurableApplicationContext first = start(stub);
            String callId = "outbox-" + System.nanoTime();
            storeEndedCall(first, callId);
            assertThat(first.getBean(CallSummaries.class).summarise(callId)).isTrue();
            OutboxJobRepository jobs = first.getBean(OutboxJobRepository.class);
            assertThat(jobs.findByCallIdOrderByExporterAsc(callId)).extracting(OutboxJobEntity::getExporter)
                    .containsExactly("hubspot");

            // Two 503s on the note, then the note, then the first task is held: stop the JVM's app right there.
            assertThat(stub.holding.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stub.notes).hasSize(1);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(first::close);
            closing.get(60, TimeUnit.SECONDS);
            stub.release.countDown();
            assertThat(stub.tasks).hasSize(1);

            ConfigurableApplicationContext second = start(stub);
            try {
                OutboxJobRepository jobs2 = second.getBean(OutboxJobRepository.class);
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        jobs2.findByCallIdOrderByExporterAsc(callId).get(0).getState().equals("DELIVERED"));
                OutboxJobEntity job = jobs2.findByCallIdOrderByExporterAsc(callId).get(0);
                assertThat(job.getAttempts()).isGreaterThanOrEqualTo(2);
                assertThat(stub.notes).hasSize(1);
                assertThat(stub.notes.values()).allSatisfy(n -> assertThat(n).contains("Call summary"));
                assertThat(stub.tasks).hasSize(2);
                assertThat(stub.tasks.values().stream().map(t -> t.substring(t.lastIndexOf("ref ")))).doesNotHaveDuplicates();
                assertThat(stub.unauthorized).isEmpty();
                assertThat(stub.invalid).as("requests HubSpot would refuse").isEmpty();

                int port = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
                WebTestClient http = TestAuth.as(port, TestAuth.adminToken(port));
                String listed = http.get().uri("/api/exports").exchange().expectStatus().isOk()
                        .expectBody(String.class).returnResult().getResponseBody();
                assertThat(listed).contains(callId, "DELIVERED", "hubspot").doesNotContain(HubSpotStub.TOKEN);
                http.post().uri("/api/exports/" + job.getId() + "/replay").exchange().expectStatus().isEqualTo(409);
                http.post().uri("/api/exports/nope/replay").exchange().expectStatus().isNotFound();
            } finally {
                second.close();
            }
        }
    }

    private static void storeEndedCall(ConfigurableApplicationContext ctx, String callId) {
        Instant start = Instant.now().minusSeconds(120);
        CallEntity call = new CallEntity(callId, "conv-" + callId, "sip:alice.rep@acme.test",
                "sip:+15550100@pstn.test", start);
        call.end(start.plusSeconds(60), "REMOTE_BYE");
        ctx.getBean(CallRepository.class).save(call);
        TranscriptSegmentRepository segments = ctx.getBean(TranscriptSegmentRepository.class);
        List<String[]> lines = List.of(
                new String[]{"rep", "Thanks for the time today, I will send the proposal by friday."},
                new String[]{"customer", "Great, and I will review the contract next monday."},
                new String[]{"rep", "Perfect, talk soon."});
        for (int i = 0; i < lines.size(); i++) {
            segments.save(new TranscriptSegmentEntity(callId, lines.get(i)[0], i, i * 5000L, i * 5000L + 4000,
                    lines.get(i)[1], start));
        }
        InsightRepository insights = ctx.getBean(InsightRepository.class);
        insights.save(new InsightEntity(callId, 0, "rep", "action:rep:send the proposal:friday", null, start));
        insights.save(new InsightEntity(callId, 1, "customer", "action:customer:review the contract:next monday",
                "owner=customer; what=review the contract; due=next monday", start));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
