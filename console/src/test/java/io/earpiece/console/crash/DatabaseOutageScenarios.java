package io.earpiece.console.crash;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.call.SegmentStoreRetry;
import io.earpiece.console.spool.Spool;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.RecordedWav;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.StampedEvents;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.testing.SippRunner;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database outage scenarios shared by the outage tests, whatever takes the database away (a refusing data
 * source in {@link DatabaseOutageIT}, a stopped PostgreSQL in {@link PostgresOutageIT}), and the checks they end
 * with: every utterance of both parties stored once, every final the console was told about among them (those
 * announced during the outage, journalled on disk, included).
 */
final class DatabaseOutageScenarios {

    /** What takes the database away and brings it back. */
    interface Database {
        void down() throws Exception;

        void up() throws Exception;
    }

    private final int httpPort;
    private final int sipPort;
    private final ReplaySpeechRecognizer recognizer;
    private final SegmentStoreRetry retry;
    private final Spool spool;
    private final Database database;

    DatabaseOutageScenarios(int httpPort, int sipPort, ReplaySpeechRecognizer recognizer, SegmentStoreRetry retry,
                            Spool spool, Database database) {
        this.httpPort = httpPort;
        this.sipPort = sipPort;
        this.recognizer = recognizer;
        this.retry = retry;
        this.spool = spool;
        this.database = database;
    }

    /**
     * A two-party call; the database goes away after the first final and returns while the call goes on: meanwhile
     * health reads DEGRADED and the finals are journalled on disk and announced, so the rep keeps seeing the
     * transcript; when the database returns they are written, health reads UP once none waits, and each is stored
     * once.
     */
    void finalsSpokenWhileTheDatabaseIsDown() throws Exception {
        Call c = new Call("outage-");
        try (StampedEvents events = StampedEvents.connect(httpPort, c.token);
             SipLegs legs = SipLegs.start(c.synth, c.conversation, "127.0.0.1", sipPort, 1)) {
            String callId = callIdOf(c.http, c.conversation);
            await().atMost(Duration.ofSeconds(60)).until(() -> finals(events, callId).size() >= 1);
            database.down();
            Set<String> announcedWhileDown;
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> health().contains("\"DEGRADED\""));
                // Finals met the outage: journalled, and announced all the same while the call goes on.
                await().atMost(Duration.ofSeconds(60)).until(() -> spool.appended() >= c.spooledBefore + 2);
                Set<String> before = finals(events, callId);
                await().atMost(Duration.ofSeconds(60)).until(() -> finals(events, callId).size() > before.size());
                assertThat(spool.pending()).as("the finals waiting on disk").isPositive();
                announcedWhileDown = finals(events, callId);
            } finally {
                database.up();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> health().contains("\"UP\""));
            assertThat(spool.pending()).as("all journalled finals written").isZero();
            legs.awaitSuccess(Duration.ofSeconds((long) c.ref.duration_s() + 60));

            await().atMost(Duration.ofSeconds(60)).until(() -> call(c.http, c.conversation),
                    s -> s != null && s.status().equals("ENDED") && s.segments() >= c.ref.utterances().size());
            assertStoredOnceAndAnnouncedKept(c, events, callId);
            assertThat(stored(c, callId)).as("the finals announced during the outage").containsAll(announcedWhileDown);
        }
    }

    /**
     * The database goes away after the first final and comes back only after both parties hung up and the end of
     * the call is waiting for it (a leg's end waits up to 30 s for the leg's last finals first). Afterwards the call
     * is ENDED for the parties' own reason (not closed by a restart) and has its summary.
     */
    void callEndsWhileTheDatabaseIsDown() throws Exception {
        Call c = new Call("outage-end-");
        try (StampedEvents events = StampedEvents.connect(httpPort, c.token);
             SipLegs legs = SipLegs.start(c.synth, c.conversation, "127.0.0.1", sipPort, 1)) {
            String callId = callIdOf(c.http, c.conversation);
            await().atMost(Duration.ofSeconds(60)).until(() -> finals(events, callId).size() >= 1);
            database.down();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> health().contains("\"DEGRADED\""));
                // Both parties hang up while the database is away: the call goes on and ends meanwhile, and its
                // end waits for the database like its finals (before the fix it was dropped and the call stayed
                // ACTIVE until the next start).
                legs.awaitSuccess(Duration.ofSeconds((long) c.ref.duration_s() + 60));
                await().atMost(Duration.ofSeconds(120)).until(() -> retry.waiting().stream()
                        .anyMatch(w -> w.startsWith("end of") && w.contains(callId)));
                assertThat(retry.retries()).isGreaterThan(c.retriesBefore);
                assertThat(spool.appended()).as("the finals spoken meanwhile were journalled")
                        .isGreaterThan(c.spooledBefore);
            } finally {
                database.up();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> health().contains("\"UP\""));

            // The summary is made once every final waiting for the database is stored, so it comes last.
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> c.http.get()
                    .uri("/api/calls/" + callId + "/summary").exchange().expectStatus().isOk());
            CallViews.CallSummary mine = call(c.http, c.conversation);
            assertThat(mine.status()).isEqualTo("ENDED");
            assertThat(mine.endReason()).as("ended by the hang-up, not closed by a later start")
                    .isNotEqualTo("SERVER_RESTART");
            assertThat(mine.parties()).allSatisfy(p -> assertThat(p.endedAt()).as("leg end stored").isNotNull());
            assertStoredOnceAndAnnouncedKept(c, events, callId);
        }
    }

    /**
     * The issue's shape: five two-party calls at once; once each has a final the database goes away for
     * {@code outage} while all five go on, and returns while they still talk. Meanwhile health reads DEGRADED and
     * every call's finals are journalled on disk and announced. Afterwards every call is ENDED by its own hang-up,
     * every utterance of every party is stored once, every announced final among them (those of the outage
     * included), finals are announced after the return too (the calls went on), and each party's recording holds
     * the whole call.
     */
    void fiveCallsThroughAnOutage(Duration outage, Path dataDir) throws Exception {
        Call c = new Call("outage-five-", "quarterly-review-long");
        assertThat(c.ref.duration_s()).as("the calls outlast the outage").isGreaterThan(outage.toSeconds() + 30.0);
        int calls = 5;
        try (StampedEvents events = StampedEvents.connect(httpPort, c.token);
             SipLegs legs = SipLegs.start(c.synth, c.conversation, "127.0.0.1", sipPort, calls)) {
            List<String> callIds = await().atMost(Duration.ofSeconds(60)).until(
                    () -> calls(c.http).stream().filter(s -> s.conversationId().startsWith(c.conversation))
                            .map(CallViews.CallSummary::id).toList(), ids -> ids.size() == calls);
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> callIds.stream().allMatch(id -> !finals(events, id).isEmpty()));
            database.down();
            Instant back;
            Instant wentDown = Instant.now();
            try {
                long downAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> health().contains("\"DEGRADED\""));
                // The rest of the outage: every call's finals are journalled and announced as they come.
                await().atMost(outage).until(() -> callIds.stream().allMatch(id -> events.all().stream()
                        .anyMatch(e -> e.type().equals("segment") && e.callId().equals(id)
                                && e.arrived().isAfter(wentDown))));
                assertThat(spool.appended()).isGreaterThan(c.spooledBefore);
                long left = outage.toNanos() - (System.nanoTime() - downAt);
                if (left > 0) {
                    // the rest of the outage: health says so throughout, with the finals waiting on disk
                    await().during(Duration.ofNanos(left)).atMost(Duration.ofNanos(left).plusSeconds(30))
                            .until(() -> health().contains("\"DEGRADED\""));
                }
                assertThat(spool.pending()).as("the finals waiting on disk").isPositive();
            } finally {
                database.up();
                back = Instant.now();
            }
            Instant returned = back;
            await().atMost(Duration.ofSeconds(60)).until(() -> health().contains("\"UP\""));
            assertThat(spool.pending()).isZero();
            legs.awaitSuccess(Duration.ofSeconds((long) c.ref.duration_s() + 90));

            for (String callId : callIds) {
                CallViews.CallDetail ended = await().atMost(Duration.ofSeconds(90)).until(() -> c.http.get()
                                .uri("/api/calls/" + callId).exchange().expectBody(CallViews.CallDetail.class)
                                .returnResult().getResponseBody(),
                        d -> d != null && d.status().equals("ENDED")
                                && d.segments().size() >= c.ref.utterances().size());
                assertThat(ended.endReason()).as("%s ended by its hang-up", callId).isEqualTo("REMOTE_BYE");
                assertStoredOnceAndAnnouncedKept(c, events, callId);
                assertThat(events.all().stream().filter(e -> e.type().equals("segment")
                        && e.callId().equals(callId) && e.arrived().isAfter(returned)))
                        .as("finals of %s announced after the database returned", callId).isNotEmpty();
                List<Path> recordings = RecordedWav.ofCall(dataDir, callId);
                assertThat(recordings).as("one recording per party of %s", callId).hasSize(2);
                for (Path wav : recordings) {
                    assertThat(RecordedWav.assertValid(wav)).as("%s holds the whole call", wav)
                            .isGreaterThan(c.ref.duration_s() * 0.9);
                }
            }
        }
    }

    /**
     * A new call arrives while the database is down. Its call record cannot be stored, and a call Earpiece cannot
     * store would lose every final it announced, so it is refused at once with 503 and a Retry-After (a PBX retries
     * or routes around the bot) rather than 500 or an INVITE held for the outage; nothing of it is left behind.
     */
    void newCallWhileTheDatabaseIsDown() throws Exception {
        long refusedBefore = retry.refusedCalls();
        WebTestClient http = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
        long callsBefore = calls(http).size();
        database.down();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> health().contains("\"DEGRADED\""));
            int exit = SippRunner.builder(SippRunner.editedScenario("/sipp/busy.xml",
                            Path.of("target", "outage-scenarios"), s -> s))
                    .remote("127.0.0.1", sipPort).localHost("127.0.0.1").timeout(Duration.ofSeconds(30)).run();
            assertThat(exit).as("INVITE while the database is down: 503 with Retry-After").isZero();
            assertThat(retry.refusedCalls()).isGreaterThan(refusedBefore);
        } finally {
            database.up();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> health().contains("\"UP\""));
        assertThat(calls(http)).as("nothing of the refused call stored").hasSize((int) callsBefore);
    }

    /** One call's synth audio, conversation id and a console client. */
    private final class Call {
        final SynthCall synth;
        final ReferenceTranscript ref;
        final String token;
        final WebTestClient http;
        final String conversation;
        final long retriesBefore;
        final long spooledBefore;

        Call(String prefix) throws Exception {
            this(prefix, "chorus-comparison");
        }

        Call(String prefix, String script) throws Exception {
            synth = SynthCall.generate(script);
            ref = synth.reference();
            recognizer.use(ref);
            token = TestAuth.adminToken(httpPort);
            http = TestAuth.as(httpPort, token);
            conversation = prefix + UUID.randomUUID();
            retriesBefore = retry.retries();
            spooledBefore = spool.appended();
        }
    }

    /** Both parties' utterances stored once each, and every final the console was told about among them. */
    private static void assertStoredOnceAndAnnouncedKept(Call c, StampedEvents events, String callId) {
        CallViews.CallDetail detail = detail(c, callId);
        for (String party : List.of("rep", "customer")) {
            LiveSegments.assertCover(party, detail.segments().stream().filter(s -> s.party().equals(party))
                    .toList(), c.ref.of(party), 300.0);
        }
        assertThat(detail.segments()).extracting(s -> s.party() + "#" + s.index()).doesNotHaveDuplicates();
        Set<String> stored = detail.segments().stream().map(s -> s.party() + "#" + s.index() + ":" + s.text())
                .collect(Collectors.toSet());
        assertThat(stored).as("every announced final is stored").containsAll(finals(events, callId));
    }

    private static CallViews.CallDetail detail(Call c, String callId) {
        return c.http.get().uri("/api/calls/" + callId).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
    }

    /** The call's stored finals as {@link #finals} names announced ones. */
    private static Set<String> stored(Call c, String callId) {
        return detail(c, callId).segments().stream().map(s -> s.party() + "#" + s.index() + ":" + s.text())
                .collect(Collectors.toSet());
    }

    /** The id of the conversation's call, once it is listed. */
    private static String callIdOf(WebTestClient http, String conversation) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> call(http, conversation), c -> c != null).id();
    }

    private static CallViews.CallSummary call(WebTestClient http, String conversation) {
        return calls(http).stream().filter(c -> c.conversationId().startsWith(conversation)).findFirst().orElse(null);
    }

    private static List<CallViews.CallSummary> calls(WebTestClient http) {
        return http.get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { }).returnResult()
                .getResponseBody();
    }

    /** The finals of this call the console was told about (other tests' calls may still be announcing theirs). */
    private static Set<String> finals(StampedEvents events, String callId) {
        return events.all().stream().filter(e -> e.type().equals("segment") && e.callId().equals(callId))
                .map(StampedEvents.Stamped::event).map(DatabaseOutageScenarios::key).collect(Collectors.toSet());
    }

    private static String key(JsonNode e) {
        return e.path("party").asText() + "#" + e.path("index").asInt() + ":" + e.path("text").asText();
    }

    private String health() {
        return TestAuth.anonymous(httpPort).get().uri("/actuator/health").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
    }
}
