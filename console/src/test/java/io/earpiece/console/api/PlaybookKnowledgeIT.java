package io.earpiece.console.api;

import io.earpiece.console.call.CallCoordinator;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.assist.CardRepository;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.Party;
import io.earpiece.stt.SpeechToText;
import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.TranscriptionSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Playbooks and the knowledge base live in the database and are edited over the API: admins edit, managers
 * read, reps neither; a bad playbook is refused with the loader's reason; every edit is a new version and the
 * calls that start after it (live, through the call coordinator) use it without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47600", "earpiece.rtp.port-max=47649",
        "earpiece.data-dir=target/it-data/playbook-knowledge", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.assist.knowledge.seed-example=false",
        "spring.datasource.url=jdbc:h2:mem:playbookknowledge;DB_CLOSE_DELAY=-1"})
class PlaybookKnowledgeIT {

    static final String PASSWORD = "it-user-secret-1";
    static final String PRICE_OBJECTION = "Honestly, this is way too expensive for a team our size.";
    /** What the scripted recognizer says on the next leg that closes. */
    static final AtomicReference<String> SAID = new AtomicReference<>("");

    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    CardRepository cards;
    @Autowired
    JdbcTemplate jdbc;

    /** Emits one final segment of the scripted words when the leg's stream closes. */
    @TestConfiguration
    static class Scripted {
        @Bean
        @Primary
        SpeechToText scriptedSpeech() {
            return (callId, party, listener) -> new TranscriptionSession() {
                @Override
                public void accept(long mediaTimeMs, short[] samples) {
                }

                @Override
                public void close() {
                    listener.onSegment(new TranscriptSegment(callId, party, 0, 1000, 5000, SAID.get(), true));
                }
            };
        }
    }

    WebTestClient admin() {
        return TestAuth.as(port, TestAuth.adminToken(port));
    }

    WebTestClient as(String username) {
        return TestAuth.as(port, TestAuth.token(port, username, PASSWORD));
    }

    void user(String username, String role, String team, String sipUser, String extension) {
        var body = new java.util.HashMap<String, Object>(Map.of("username", username, "password", PASSWORD,
                "role", role, "team", team));
        if (sipUser != null) {
            body.put("sipUser", sipUser);
        }
        if (extension != null) {
            body.put("extension", extension);
        }
        admin().post().uri("/api/admin/users").bodyValue(body).exchange().expectStatus().isCreated();
    }

    String defaultBody() {
        Map<?, ?> current = admin().get().uri("/api/playbooks/default").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) current.get("body");
    }

    Map<?, ?> put(WebTestClient client, String team, String body, int status) {
        // a valid playbook is published with its engine built (the intent model trained), which on the shared
        // 2-core machine at load 20 took 20-25 s: the answer is waited for, its speed is not under test here
        return client.mutate().responseTimeout(Duration.ofSeconds(90)).build().put().uri("/api/playbooks/" + team).contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(body).exchange().expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A live call from the rep's phone in which the customer says {@code words}; the stored cards' titles. */
    List<String> liveCallCardTitles(String repSipUser, String words) throws Exception {
        return liveCallCards(repSipUser, words).stream().map(CardEntity::getTitle).toList();
    }

    /** A live call from the rep's phone in which the customer says {@code words}; the stored cards. */
    List<CardEntity> liveCallCards(String repSipUser, String words) throws Exception {
        SAID.set(words);
        String conversation = "conv-" + UUID.randomUUID();
        String leg = "leg-" + UUID.randomUUID();
        coordinator.open(new LegOffer(leg, "sip:" + repSipUser + "@127.0.0.1", "sip:assistant@127.0.0.1",
                conversation, Party.CUSTOMER, new InetSocketAddress("127.0.0.1", 9), Codec.PCMU, 101));
        String callId = jdbc.queryForObject("select id from calls where conversation_id = ?", String.class,
                conversation);
        coordinator.ended(leg, EndReason.REMOTE_BYE);
        await().atMost(Duration.ofSeconds(20)).until(() -> !cards.findByCallIdOrderByIdAsc(callId).isEmpty());
        return cards.findByCallIdOrderByIdAsc(callId);
    }

    @Test
    void theBundledPlaybookIsSeededAsVersionOneOfTheDefault() {
        admin().get().uri("/api/playbooks/default").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.team").isEqualTo("default")
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.author").isEqualTo("system")
                .jsonPath("$.contentHash").value(h -> assertThat((String) h).matches("[0-9a-f]{16}"))
                .jsonPath("$.body").value(b -> assertThat((String) b).contains("intents:", "objection:price"));
        admin().get().uri("/api/playbooks").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.team == 'default')].version").isEqualTo(1);
        admin().get().uri("/api/playbooks/no-such-team").exchange().expectStatus().isNotFound();
    }

    @Test
    void invalidPlaybooksAreRefusedWithTheReasonAndStoreNothing() {
        Map<?, ?> noExemplars = put(admin(), "default", "name: broken\nintents:\n  - tag: objection:price\n", 400);
        assertThat((String) noExemplars.get("message")).contains("objection:price has neither exemplars nor keywords");
        assertThat(noExemplars.get("field")).as("the field at fault, for the editor").isEqualTo("intents[0].exemplars");
        Map<?, ?> badRegex = put(admin(), "default",
                "name: broken\nintents:\n  - tag: x\n    keywords: ['(unclosed']\n", 400);
        assertThat((String) badRegex.get("message")).contains("bad pattern in x");
        assertThat(badRegex.get("field")).isEqualTo("intents[0].keywords[0]");
        Map<?, ?> notYaml = put(admin(), "default", "intents: [oops", 400);
        assertThat((String) notYaml.get("message")).startsWith("invalid playbook");
        Map<?, ?> unknownField = put(admin(), "default", "name: x\ncolour: blue\n", 400);
        assertThat((String) unknownField.get("message")).contains("'colour' is not a playbook setting");
        assertThat(unknownField.get("field")).isEqualTo("colour");
        admin().get().uri("/api/playbooks/default/versions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void onlyAdminsEditManagersReadRepsNeither() {
        user("pat-manager", "MANAGER", "east", null, null);
        user("ray-rep", "REP", "east", null, null);
        WebTestClient manager = as("pat-manager");
        WebTestClient rep = as("ray-rep");
        String body = defaultBody();

        manager.get().uri("/api/playbooks/east").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.team").isEqualTo("default").jsonPath("$.inherited").isEqualTo(true);
        manager.get().uri("/api/knowledge").exchange().expectStatus().isOk();
        put(manager, "east", body, 403);
        manager.post().uri("/api/knowledge").bodyValue(Map.of("title", "t", "body", "b", "source", "s"))
                .exchange().expectStatus().isForbidden();
        rep.get().uri("/api/playbooks/east").exchange().expectStatus().isForbidden();
        rep.get().uri("/api/knowledge").exchange().expectStatus().isForbidden();
        put(rep, "east", body, 403);
        TestAuth.anonymous(port).get().uri("/api/playbooks").exchange().expectStatus().isUnauthorized();
        admin().get().uri("/api/playbooks/east/versions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$").isEmpty();
    }

    @Test
    void eachEditIsANewVersionThatCallsStartingAfterItUse() throws Exception {
        user("wes", "REP", "west", "wes-phone", null);
        String original = defaultBody();
        assertThat(liveCallCardTitles("wes-phone", PRICE_OBJECTION)).contains("Price objection");

        Map<?, ?> first = put(admin(), "west", original.replace("title: Price objection", "title: West price play"),
                201);
        assertThat(first.get("version")).isEqualTo(1);
        assertThat(first.get("team")).isEqualTo("west");
        assertThat(first.get("author")).isEqualTo("admin");
        assertThat(liveCallCardTitles("wes-phone", PRICE_OBJECTION)).contains("West price play")
                .doesNotContain("Price objection");

        String second = original.replace("title: Price objection", "title: West value first");
        Map<?, ?> edited = put(admin(), "west", second, 201);
        assertThat(edited.get("version")).isEqualTo(2);
        assertThat(edited.get("contentHash")).isNotEqualTo(first.get("contentHash"));
        assertThat(put(admin(), "west", second, 200).get("version")).as("same text, no new version").isEqualTo(2);
        assertThat(liveCallCardTitles("wes-phone", PRICE_OBJECTION)).contains("West value first");
        // Other teams still get the default.
        assertThat(liveCallCardTitles("somebody-else", PRICE_OBJECTION)).contains("Price objection");

        admin().get().uri("/api/playbooks/west/versions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].version").isEqualTo(2)
                .jsonPath("$[1].version").isEqualTo(1);
        admin().get().uri("/api/playbooks/west/versions/1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.body").value(b -> assertThat((String) b).contains("West price play"));
        admin().get().uri("/api/playbooks/west").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2).jsonPath("$.inherited").isEqualTo(false);
    }

    @Test
    void knowledgeDocumentsAreEditableVersionedAndAnswerCustomersQuestions() throws Exception {
        String question = "{\"utterances\": [{\"speaker\": \"rep\", \"start\": 0, \"end\": 3, "
                + "\"text\": \"Hi, just so you know this call is recorded.\"}, {\"speaker\": \"customer\", "
                + "\"start\": 4, \"end\": 8, \"text\": \"Can it push our call notes into Zendesk Sell?\"}]}";
        assertThat(knowledgeCards(question)).isEmpty();

        Map<?, ?> created = admin().post().uri("/api/knowledge").bodyValue(Map.of(
                        "title", "Zendesk Sell integration",
                        "body", "Call notes, summaries and action items are pushed into Zendesk Sell after every "
                                + "call through its REST API. An admin connects it once under Settings, Integrations.",
                        "source", "https://wiki.example/integrations/zendesk-sell"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created.get("slug")).isEqualTo("zendesk-sell-integration");
        assertThat(created.get("version")).isEqualTo(1);
        long id = ((Number) created.get("id")).longValue();

        List<Map<String, Object>> answered = knowledgeCards(question);
        assertThat(answered).singleElement().satisfies(card -> {
            assertThat(card.get("id")).isEqualTo("kb:zendesk-sell-integration");
            assertThat(card.get("source")).isEqualTo("https://wiki.example/integrations/zendesk-sell");
            assertThat((String) card.get("body")).contains("Zendesk Sell");
        });
        assertThat(liveCallCards("a-rep", "Can it push our call notes into Zendesk Sell?"))
                .filteredOn(c -> c.getCardKey().equals("kb:zendesk-sell-integration")).singleElement()
                .satisfies(c -> assertThat(c.getBody()).contains("Zendesk Sell")
                        .endsWith("\nSource: https://wiki.example/integrations/zendesk-sell"));

        admin().put().uri("/api/knowledge/" + id).bodyValue(Map.of("title", "Zendesk Sell integration",
                        "body", "Call notes and action items reach Zendesk Sell within a minute of hang-up through "
                                + "its REST API.", "source", "https://wiki.example/integrations/zendesk-sell-v2"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        assertThat(knowledgeCards(question)).singleElement()
                .satisfies(card -> assertThat(card.get("source")).isEqualTo(
                        "https://wiki.example/integrations/zendesk-sell-v2"));
        admin().put().uri("/api/knowledge/" + id).bodyValue(Map.of("title", "", "body", "b", "source", "s"))
                .exchange().expectStatus().isBadRequest();
        admin().post().uri("/api/knowledge").bodyValue(Map.of("slug", "zendesk-sell-integration", "title", "t",
                "body", "b", "source", "s")).exchange().expectStatus().isEqualTo(409);

        admin().delete().uri("/api/knowledge/" + id).exchange().expectStatus().isNoContent();
        admin().get().uri("/api/knowledge/" + id).exchange().expectStatus().isNotFound();
        assertThat(knowledgeCards(question)).isEmpty();
        admin().get().uri("/api/knowledge/" + id + "/versions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].deleted").isEqualTo(true)
                .jsonPath("$[2].source").isEqualTo("https://wiki.example/integrations/zendesk-sell");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> knowledgeCards(String transcript) {
        Map<String, Object> result = admin().post().uri("/api/analyze").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(transcript).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) result.get("cards")).stream()
                .filter(c -> ((String) c.get("id")).startsWith("kb:")).toList();
    }
}
