package io.earpiece.console.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.console.names.CallPartyNamer;
import io.earpiece.console.summary.SummaryView;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.TestPostgres;
import io.earpiece.console.testing.WebhookReceiver;
import io.earpiece.db.search.SearchPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Names, not roles, through the upload path on PostgreSQL: a call whose parties introduce themselves (the
 * {@code calls-names/introductions} script, transcribed by the replay recognizer) has its speakers named from its
 * words, with the source and confidence in the API, the names in the summary text, the library's customer column
 * and the webhook payload; then the rep's account name outranks the call's words, and a rename outlives a recompute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47650", "earpiece.rtp.port-max=47699",
        "earpiece.data-dir=target/it-data/upload-names",
        "earpiece.exports.worker.poll-interval=200ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadNamesIT {

    static final String SCRIPT = "introductions";
    static final String SECRET = "whsec_upload_names";
    static WebhookReceiver receiver;

    @TestConfiguration
    static class Speech {
        @Bean
        TimedReferenceRecognizer timedReferenceRecognizer() {
            return new TimedReferenceRecognizer();
        }
    }

    @DynamicPropertySource
    static void databaseAndWebhook(DynamicPropertyRegistry registry) throws Exception {
        for (String p : TestPostgres.freshDatabase("upload_names")) {
            int eq = p.indexOf('=');
            registry.add(p.substring(0, eq), () -> p.substring(eq + 1));
        }
        receiver = new WebhookReceiver(SECRET, 0);
        registry.add("earpiece.exports.webhooks[0].name", () -> "crm");
        registry.add("earpiece.exports.webhooks[0].url", receiver::url);
        registry.add("earpiece.exports.webhooks[0].signing-secret", () -> SECRET);
    }

    @Autowired
    TimedReferenceRecognizer recognizer;
    @Autowired
    CallPartyNamer namer;
    @LocalServerPort
    int port;

    UploadClient client;
    String callId;

    record PartyName(String party, String role, String name, String source, Double confidence) {
    }

    @BeforeAll
    void upload() throws Exception {
        SynthCall synth = SynthCall.generateExtra("calls-names", SCRIPT);
        recognizer.use(synth.reference());
        client = new UploadClient(port);
        UploadView done = client.awaitFinal(client.accepted(synth.dir().resolve(SCRIPT + ".stereo.wav"),
                SCRIPT + ".wav").id(), Duration.ofSeconds(90));
        assertThat(done.state()).as(done.reason()).isEqualTo("DONE");
        callId = done.callId();
    }

    @AfterAll
    void stop() {
        receiver.close();
    }

    List<PartyName> names() {
        return client.http.get().uri("/api/calls/" + callId + "/names").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<PartyName>>() { }).returnResult().getResponseBody();
    }

    PartyName speaker(String label) {
        return names().stream().filter(p -> p.party().equals(label)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void theCallsOwnWordsNameBothParties() {
        assertThat(names()).extracting(PartyName::party, PartyName::role, PartyName::name, PartyName::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Speaker 1", "rep", "Marisol", "call"),
                        org.assertj.core.groups.Tuple.tuple("Speaker 2", "customer", "Teodor", "call"));
        assertThat(names()).allSatisfy(p -> assertThat(p.confidence()).isGreaterThanOrEqualTo(0.6));
        assertThat(client.http.get().uri("/api/calls/" + callId + "/speakers").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody())
                .isEqualTo(Map.of("Speaker 1", "Marisol", "Speaker 2", "Teodor"));

        SummaryView summary = client.awaitSummary(callId);
        assertThat(summary.text()).contains("- Teodor asked: How much will the new plan cost per month?",
                "[Marisol] send contract");
        assertThat(summary.abstractText()).containsAnyOf("Marisol: ", "Teodor: ")
                .doesNotContain("Speaker 1", "Customer: ", "Rep: ");
        // the recording's rep (Speaker 1) is the rep in the summary, not a second customer
        assertThat(summary.questions()).extracting(SummaryView.QuestionView::asker)
                .containsExactly("rep", "customer", "customer");

        SearchPage library = client.http.get().uri("/api/search?size=50").exchange().expectStatus().isOk()
                .expectBody(SearchPage.class).returnResult().getResponseBody();
        assertThat(library.hits()).filteredOn(h -> h.callId().equals(callId)).singleElement()
                .satisfies(h -> assertThat(h.customer()).isEqualTo("Teodor"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests.stream()
                .anyMatch(r -> r.body().path("call").path("id").asText().equals(callId)));
        JsonNode body = receiver.requests.stream().filter(r -> r.body().path("call").path("id").asText().equals(callId))
                .findFirst().orElseThrow().body();
        assertThat(StreamSupport.stream(body.path("parties").spliterator(), false)
                .map(p -> p.path("party").asText() + "=" + p.path("name").asText() + "/" + p.path("source").asText()))
                .containsExactly("Speaker 1=Marisol/call", "Speaker 2=Teodor/call");
        assertThat(body.path("call").path("customer").path("name").asText()).isEqualTo("Teodor");
    }

    @Test
    @Order(2)
    void theRepsAccountNameOutranksTheCallAndARenameOutlivesARecompute() {
        client.http.put().uri("/api/admin/users/" + TestAuth.ADMIN + "/display-name")
                .bodyValue(Map.of("displayName", "Marisol Quintero")).exchange().expectStatus().isOk();
        client.http.put().uri("/api/calls/" + callId + "/speakers").bodyValue(Map.of("Speaker 2", "Teo Brandt"))
                .exchange().expectStatus().isOk();

        namer.name(callId);

        assertThat(speaker("Speaker 1")).satisfies(p -> {
            assertThat(p.name()).isEqualTo("Marisol Quintero");
            assertThat(p.source()).isEqualTo("account");
            assertThat(p.confidence()).isNull();
        });
        assertThat(speaker("Speaker 2")).satisfies(p -> {
            assertThat(p.name()).isEqualTo("Teo Brandt");
            assertThat(p.source()).isEqualTo("user");
        });

        // a rename of the rep sticks too, over the account name
        client.http.put().uri("/api/calls/" + callId + "/speakers").bodyValue(Map.of("Speaker 1", "Mari"))
                .exchange().expectStatus().isOk();
        namer.name(callId);
        assertThat(speaker("Speaker 1").name()).isEqualTo("Mari");
        assertThat(speaker("Speaker 1").source()).isEqualTo("user");
    }

    @Test
    @Order(3)
    void badRenamesAreRefusedAndOtherRepsCannotRename() {
        client.http.put().uri("/api/calls/" + callId + "/speakers").bodyValue(Map.of("Speaker 2", "  "))
                .exchange().expectStatus().isBadRequest();
        client.http.put().uri("/api/calls/" + callId + "/speakers").bodyValue(Map.of("Speaker 9", "Nobody"))
                .exchange().expectStatus().isBadRequest();
        client.http.put().uri("/api/admin/users/" + TestAuth.ADMIN + "/display-name")
                .bodyValue(Map.of("displayName", "x".repeat(129))).exchange().expectStatus().isBadRequest();

        TestAuth.user(port, "names-other-rep", "REP", null, "namesother", null);
        TestAuth.asUser(port, "names-other-rep").put().uri("/api/calls/" + callId + "/speakers")
                .bodyValue(Map.of("Speaker 2", "Someone")).exchange().expectStatus().isNotFound();
        assertThat(speaker("Speaker 2").name()).isEqualTo("Teo Brandt");
    }
}
