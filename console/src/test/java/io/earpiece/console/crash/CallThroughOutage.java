package io.earpiece.console.crash;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.call.SegmentStoreRetry;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.StampedEvents;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database outage scenario shared by the outage tests, whatever takes the database away: a two-party call, the
 * database goes away after the first final and comes back only after both parties hung up and the end of the call
 * is waiting for it (a leg's end waits up to 30 s for the leg's last finals first). Afterwards the call is
 * ENDED for the parties' own reason (not closed by a restart), every utterance of both parties is stored once,
 * every final the console was told about is among them, and the call has its summary.
 */
final class CallThroughOutage {

    /** What takes the database away and brings it back. */
    interface Database {
        void down() throws Exception;

        void up() throws Exception;
    }

    private final int httpPort;
    private final int sipPort;
    private final ReplaySpeechRecognizer recognizer;
    private final SegmentStoreRetry retry;

    CallThroughOutage(int httpPort, int sipPort, ReplaySpeechRecognizer recognizer, SegmentStoreRetry retry) {
        this.httpPort = httpPort;
        this.sipPort = sipPort;
        this.recognizer = recognizer;
        this.retry = retry;
    }

    void callEndsWhileTheDatabaseIsDown(Database database) throws Exception {
        SynthCall call = SynthCall.generate("chorus-comparison");
        ReferenceTranscript ref = call.reference();
        recognizer.use(ref);
        String token = TestAuth.adminToken(httpPort);
        WebTestClient http = TestAuth.as(httpPort, token);
        String conversation = "outage-end-" + UUID.randomUUID();
        long retriesBefore = retry.retries();

        try (StampedEvents events = StampedEvents.connect(httpPort, token);
             SipLegs legs = SipLegs.start(call, conversation, "127.0.0.1", sipPort, 1)) {
            String callId = callIdOf(http, conversation);
            await().atMost(Duration.ofSeconds(60)).until(() -> finals(events, callId).size() >= 1);
            database.down();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> health().contains("\"DOWN\""));
                // Both parties hang up while the database is away: the call goes on and ends meanwhile, and its
                // end waits for the database like its finals (before the fix it was dropped and the call stayed
                // ACTIVE until the next start).
                legs.awaitSuccess(Duration.ofSeconds((long) ref.duration_s() + 60));
                await().atMost(Duration.ofSeconds(120)).until(() -> retry.waiting().stream()
                        .anyMatch(w -> w.startsWith("end of") && w.contains(callId)));
                assertThat(retry.retries()).isGreaterThan(retriesBefore);
            } finally {
                database.up();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> !health().contains("\"DOWN\""));

            // The summary is made once every final waiting for the database is stored, so it comes last.
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> http.get()
                    .uri("/api/calls/" + callId + "/summary").exchange().expectStatus().isOk());
            CallViews.CallSummary mine = call(http, conversation);
            assertThat(mine.status()).isEqualTo("ENDED");
            assertThat(mine.endReason()).as("ended by the hang-up, not closed by a later start")
                    .isNotEqualTo("SERVER_RESTART");
            assertThat(mine.parties()).allSatisfy(p -> assertThat(p.endedAt()).as("leg end stored").isNotNull());
            CallViews.CallDetail detail = http.get().uri("/api/calls/" + mine.id()).exchange().expectStatus().isOk()
                    .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
            for (String party : List.of("rep", "customer")) {
                LiveSegments.assertCover(party, detail.segments().stream().filter(s -> s.party().equals(party))
                        .toList(), ref.of(party), 300.0);
            }
            assertThat(detail.segments()).extracting(s -> s.party() + "#" + s.index()).doesNotHaveDuplicates();
            Set<String> stored = detail.segments().stream().map(s -> s.party() + "#" + s.index() + ":" + s.text())
                    .collect(Collectors.toSet());
            assertThat(stored).as("every announced final is stored").containsAll(finals(events, callId));
        }
    }

    /** The id of the conversation's call, once it is listed. */
    static String callIdOf(WebTestClient http, String conversation) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> call(http, conversation), c -> c != null).id();
    }

    private static CallViews.CallSummary call(WebTestClient http, String conversation) {
        return http.get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { }).returnResult()
                .getResponseBody().stream().filter(c -> c.conversationId().startsWith(conversation))
                .findFirst().orElse(null);
    }

    /** The finals of this call the console was told about (other tests' calls may still be announcing theirs). */
    static Set<String> finals(StampedEvents events, String callId) {
        return events.all().stream().filter(e -> e.type().equals("segment") && e.callId().equals(callId))
                .map(StampedEvents.Stamped::event).map(CallThroughOutage::key).collect(Collectors.toSet());
    }

    private static String key(JsonNode e) {
        return e.path("party").asText() + "#" + e.path("index").asInt() + ":" + e.path("text").asText();
    }

    private String health() {
        return TestAuth.anonymous(httpPort).get().uri("/actuator/health").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
    }
}
