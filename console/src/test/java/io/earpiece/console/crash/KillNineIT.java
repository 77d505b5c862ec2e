package io.earpiece.console.crash;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.HubSpotStub;
import io.earpiece.console.testing.PostgresServer;
import io.earpiece.console.testing.RecordedWav;
import io.earpiece.console.testing.ServerProcess;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.StampedEvents;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of the server in the middle of a call: the server runs in a JVM of its own (embedded H2 file
 * database, as {@code ./earpiece run} has it), sipp places a two-party call, a console's WebSocket collects the
 * finals as they are announced, and after {@value #ANNOUNCED} of them the JVM gets SIGKILL. A new server on the same
 * data must list every announced final (a final is stored, or journalled on disk, before it is announced), close
 * the orphaned call, and the recordings left behind must be valid WAV files holding audio.
 */
class KillNineIT {

    static final Path DATA = Path.of("target", "it-data", "kill-nine").toAbsolutePath();
    static final int ANNOUNCED = 4;

    /** A final as the WebSocket announced it or the API lists it. */
    record Final(String party, int index, String text) {
    }

    @Test
    void everyAnnouncedFinalSurvivesAKillMinusNine() throws Exception {
        deleteRecursively(DATA);
        SynthCall call = SynthCall.generate("chorus-comparison");
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        List<String> properties = List.of("earpiece.data-dir=" + DATA,
                "earpiece.test.replay-reference=" + call.dir().resolve(call.name() + ".json"),
                "earpiece.rtp.port-min=47600", "earpiece.rtp.port-max=47699", "earpiece.rtp.media-timeout=10s");
        String conversation = "kill9-" + UUID.randomUUID();

        StampedEvents events;
        try (ServerProcess first = ServerProcess.start(httpPort, sipPort, DATA.resolve("server-1.log"), properties)) {
            events = StampedEvents.connect(httpPort, TestAuth.adminToken(httpPort));
            try (SipLegs legs = SipLegs.start(call, conversation, "127.0.0.1", sipPort, 1)) {
                await().atMost(Duration.ofSeconds((long) call.reference().duration_s() + 60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> announced(events).size() >= ANNOUNCED);
                first.kill();
            }
        }
        // Frames the server wrote before it died may still be read after the kill; they count as announced too.
        Set<String> callIds = events.all().stream().filter(e -> e.type().equals("segment"))
                .map(StampedEvents.Stamped::callId).collect(Collectors.toSet());
        assertThat(callIds).hasSize(1);
        String callId = callIds.iterator().next();

        try (ServerProcess second = ServerProcess.start(httpPort, sipPort, DATA.resolve("server-2.log"), properties)) {
            events.close();
            Set<Final> announced = announced(events);
            assertThat(announced).hasSizeGreaterThanOrEqualTo(ANNOUNCED);
            WebTestClient http = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
            CallViews.CallDetail detail = http.get().uri("/api/calls/" + callId).exchange().expectStatus().isOk()
                    .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
            Set<Final> stored = detail.segments().stream().map(s -> new Final(s.party(), s.index(), s.text()))
                    .collect(Collectors.toSet());
            assertThat(stored).as("every final announced before the kill is stored").containsAll(announced);
            assertThat(detail.segments()).extracting(s -> s.party() + "#" + s.index()).doesNotHaveDuplicates();
            assertThat(detail.status()).as("the orphaned call is closed at the restart").isEqualTo("ENDED");
            assertThat(http.get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                    .returnResult().getResponseBody()).extracting(CallViews.CallSummary::id).contains(callId);
        }

        List<Path> recordings = RecordedWav.ofCall(DATA, callId);
        assertThat(recordings).as("one recording per party").hasSize(2);
        for (Path wav : recordings) {
            RecordedWav.assertValid(wav);
        }
    }

    /**
     * {@code kill -9} during a database outage: the server (on a PostgreSQL of its own) announces finals while the
     * database is stopped, each journalled on disk before it was announced, and is killed with them still waiting.
     * The database returns and a new server on the same data writes what the journal holds before anything else:
     * every final announced before the kill, during the outage included, is stored exactly once, and the journal's
     * files are gone once written.
     */
    @Test
    void finalsAnnouncedDuringADatabaseOutageSurviveAKillMinusNine() throws Exception {
        PostgresServer.assumeAvailable("the kill -9 during an outage is skipped");
        Path data = DATA.resolveSibling("kill-nine-outage");
        deleteRecursively(data);
        SynthCall call = SynthCall.generate("chorus-comparison");
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        String conversation = "kill9-outage-" + UUID.randomUUID();
        try (PostgresServer postgres = PostgresServer.create(data.resolveSibling("kill-nine-outage-db"))) {
            List<String> properties = List.of("earpiece.data-dir=" + data,
                    "earpiece.test.replay-reference=" + call.dir().resolve(call.name() + ".json"),
                    "earpiece.rtp.port-min=47600", "earpiece.rtp.port-max=47699", "earpiece.rtp.media-timeout=10s",
                    "spring.datasource.url=" + postgres.jdbcUrl(), "spring.datasource.username=" + PostgresServer.USER,
                    "spring.datasource.password=",
                    // a stopped server refuses at once; the pool's default wait would hold each try for 30 s
                    "spring.datasource.hikari.connection-timeout=2000");
            StampedEvents events;
            try (ServerProcess first = ServerProcess.start(httpPort, sipPort, data.resolve("server-1.log"),
                    properties)) {
                events = StampedEvents.connect(httpPort, TestAuth.adminToken(httpPort));
                try (SipLegs legs = SipLegs.start(call, conversation, "127.0.0.1", sipPort, 1)) {
                    await().atMost(Duration.ofSeconds((long) call.reference().duration_s() + 60))
                            .pollInterval(Duration.ofMillis(20)).until(() -> announced(events).size() >= 2);
                    postgres.stop();
                    Instant down = Instant.now();
                    await().atMost(Duration.ofSeconds(60)).until(() -> first.health(), h -> h != null
                            && h.contains("\"DEGRADED\""));
                    await().atMost(Duration.ofSeconds((long) call.reference().duration_s() + 60))
                            .pollInterval(Duration.ofMillis(20)).until(() -> events.all().stream()
                                    .filter(e -> e.type().equals("segment") && e.arrived().isAfter(down)).count()
                                    >= ANNOUNCED);
                    first.kill();
                }
            }
            events.close();
            Set<Final> announced = announced(events);
            String callId = events.all().stream().filter(e -> e.type().equals("segment"))
                    .map(StampedEvents.Stamped::callId).findFirst().orElseThrow();
            assertThat(spooledFiles(data)).as("the journal the kill left").isNotEmpty();
            postgres.start();

            try (ServerProcess second = ServerProcess.start(httpPort, sipPort, data.resolve("server-2.log"),
                    properties)) {
                WebTestClient http = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
                CallViews.CallDetail detail = await().atMost(Duration.ofSeconds(60)).until(() -> http.get()
                                .uri("/api/calls/" + callId).exchange().expectStatus().isOk()
                                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody(),
                        d -> d.segments().stream().map(s -> new Final(s.party(), s.index(), s.text()))
                                .collect(Collectors.toSet()).containsAll(announced));
                assertThat(detail.segments()).extracting(s -> s.party() + "#" + s.index()).doesNotHaveDuplicates();
                assertThat(detail.status()).as("the orphaned call is closed at the restart").isEqualTo("ENDED");
                await().atMost(Duration.ofSeconds(30)).until(() -> second.health(), h -> h != null
                        && h.contains("\"UP\""));
                assertThat(spooledFiles(data)).as("written, so deleted").isEmpty();
            }
        }
    }

    private static List<Path> spooledFiles(Path data) throws IOException {
        Path spool = data.resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    /**
     * An export in flight when the server dies: a signed webhook's receiver has taken the call's summary and is
     * about to answer when the JVM gets SIGKILL. The outbox job is still claimed in the database, so a new server
     * delivers it again once the claim's lease ran out, with the same idempotency key; the receiver, deduplicating
     * on that key as the documentation tells it to, processes the call's summary exactly once.
     */
    @Test
    void anExportInFlightIsDeliveredExactlyOnceAfterAKillMinusNine() throws Exception {
        String secret = "whsec-kill-nine";
        try (WebhookReceiver receiver = new WebhookReceiver(secret, 1)) {
            exportInFlightAcrossAKill("kill-nine-export", "dialer", List.of("earpiece.exports.webhooks[0].name=crm",
                    "earpiece.exports.webhooks[0].url=" + receiver.url(),
                    "earpiece.exports.webhooks[0].signing-secret=" + secret), receiver.holding, receiver.release);
            assertThat(receiver.processed).hasSize(1);
            String key = receiver.processed.keySet().iterator().next();
            assertThat(receiver.requests).as("delivered again after the restart, all signed, one key")
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> {
                        assertThat(r.status()).isEqualTo(200);
                        assertThat(r.signatureValid()).isTrue();
                        assertThat(r.idempotencyKey()).isEqualTo(key);
                    });
            assertThat(receiver.processed).as("the call's summary processed exactly once").hasSize(1);
            assertThat(receiver.processed.get(key).path("event").asText()).isEqualTo("call.summary");
        }
    }

    /**
     * The same for HubSpot, which has no idempotency key: its stub has stored the call's note and is about to answer
     * when the JVM gets SIGKILL. After the restart the exporter searches for the note by the marker it wrote into
     * it, finds the first copy and goes on; HubSpot ends up with one note for the call and each task once, and
     * every request was one HubSpot's API accepts.
     */
    @Test
    void aHubSpotExportInFlightIsDeliveredExactlyOnceAfterAKillMinusNine() throws Exception {
        try (HubSpotStub hubspot = new HubSpotStub(0, "notes")) {
            // the customer calls from a number (the From URI names the customer), which the exporter looks HubSpot's
            // contacts up by
            List<String> settings = new java.util.ArrayList<>(hubspot.properties());
            settings.add("earpiece.exports.customer-uri=from");
            exportInFlightAcrossAKill("kill-nine-hubspot", "+15550100", settings, hubspot.holding, hubspot.release);
            assertThat(hubspot.notes).as("one note for the call").hasSize(1);
            assertThat(hubspot.notes.values()).allSatisfy(n -> assertThat(n).startsWith("Call summary"));
            assertThat(hubspot.tasks.values().stream().map(t -> t.substring(t.lastIndexOf("ref "))))
                    .as("each action item's task once").doesNotHaveDuplicates();
            assertThat(hubspot.unauthorized).isEmpty();
            assertThat(hubspot.invalid).as("requests HubSpot would refuse").isEmpty();
        }
    }

    /**
     * Places a call on a server of its own with these export settings; once the vendor's stub holds the call's
     * export in flight ({@code holding}) the JVM gets SIGKILL and the stub answers into the void ({@code release}).
     * A new server on the same data must then deliver the job (after the dead claim's lease), and the job alone:
     * {@code GET /api/exports} lists it once, DELIVERED.
     */
    private static void exportInFlightAcrossAKill(String name, String caller, List<String> exportProperties,
                                                  CountDownLatch holding, CountDownLatch release) throws Exception {
        Path data = DATA.resolveSibling(name);
        deleteRecursively(data);
        SynthCall call = SynthCall.generate("chorus-comparison");
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        List<String> properties = new java.util.ArrayList<>(List.of("earpiece.data-dir=" + data,
                "earpiece.test.replay-reference=" + call.dir().resolve(call.name() + ".json"),
                "earpiece.rtp.port-min=47600", "earpiece.rtp.port-max=47699", "earpiece.rtp.media-timeout=10s",
                "earpiece.exports.worker.poll-interval=200ms", "earpiece.exports.worker.lease=10s",
                "earpiece.exports.worker.timeout=5s", "earpiece.exports.worker.retry-base=1s",
                "earpiece.exports.worker.retry-cap=2s"));
        properties.addAll(exportProperties);
        String conversation = name + "-" + UUID.randomUUID();

        try (ServerProcess first = ServerProcess.start(httpPort, sipPort, data.resolve("server-1.log"), properties);
             SipLegs legs = SipLegs.startFrom(caller, call, conversation, "127.0.0.1", sipPort, 1)) {
            legs.awaitSuccess(Duration.ofSeconds((long) call.reference().duration_s() + 60));
            // The summary is stored with its export job at hang-up; the worker sends it and the stub holds the
            // answer: the delivery is in flight.
            assertThat(holding.await(120, TimeUnit.SECONDS)).as("the export was sent").isTrue();
            first.kill();
        }
        release.countDown();

        try (ServerProcess second = ServerProcess.start(httpPort, sipPort, data.resolve("server-2.log"), properties)) {
            WebTestClient http = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
            String callId = http.get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                    .returnResult().getResponseBody().stream()
                    .filter(c -> c.conversationId().startsWith(conversation)).findFirst().orElseThrow().id();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    exportStates(http, callId).equals(List.of("DELIVERED")));
        }
    }

    /** The states of the call's export jobs as {@code GET /api/exports} lists them. */
    private static List<String> exportStates(WebTestClient http, String callId) {
        JsonNode jobs = http.get().uri("/api/exports").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        List<String> states = new java.util.ArrayList<>();
        for (JsonNode job : jobs.isArray() ? jobs : jobs.path("content")) {
            if (callId.equals(job.path("callId").asText())) {
                states.add(job.path("state").asText());
            }
        }
        return states;
    }

    private static Set<Final> announced(StampedEvents events) {
        return events.all().stream().filter(e -> e.type().equals("segment")).map(StampedEvents.Stamped::event)
                .map(KillNineIT::finalOf).collect(Collectors.toSet());
    }

    private static Final finalOf(JsonNode e) {
        return new Final(e.path("party").asText(), e.path("index").asInt(), e.path("text").asText());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
