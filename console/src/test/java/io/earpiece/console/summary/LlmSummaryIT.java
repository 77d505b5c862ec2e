package io.earpiece.console.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.assist.eval.CallScriptParser;
import io.earpiece.assist.llm.StubChatServer;
import io.earpiece.assist.llm.StubChatServer.Answer;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.call.CallCoordinator;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.search.SearchPage;
import io.earpiece.db.summary.SummaryRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.Party;
import io.earpiece.stt.SpeechToText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The model-written summary through the live path, against a loopback Chat Completions stub: a valid answer is
 * stored as {@code llm:openai}, a malformed or late one leaves the offline summary with the reason, and the
 * transcript the model sees is masked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47700", "earpiece.rtp.port-max=47749",
        "earpiece.data-dir=target/it-data/llm-summary", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:llmsummary;DB_CLOSE_DELAY=-1",
        "earpiece.summary.llm.provider=openai", "earpiece.summary.llm.model=summary-model",
        "earpiece.summary.llm.api-key=sk-it-key", "earpiece.summary.llm.timeout=5s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmSummaryIT {

    static final StubChatServer STUB = startStub();
    static final String SCRIPT = """
            # type: sales
            REP: Hello Dana, thanks for making time for a quick call about the renewal.
            CUSTOMER: The new price is too high for us this year. [objection:price]
            REP: I understand, we can lock the current rate if you sign for two years.
            CUSTOMER: Fine. Call me back on 555 212 4478 once you have the paperwork.
            REP: I will send the paperwork by Friday. [action:rep:send the paperwork:friday]
            """;

    @Autowired
    CallCoordinator coordinator;
    @Autowired
    ScriptedCalls speech;
    @Autowired
    SummaryRepository summaries;
    @Autowired
    UserRepository users;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    WebTestClient http;
    int calls;

    @TestConfiguration
    static class Speech {
        @Bean
        ScriptedCalls scriptedCalls() {
            return new ScriptedCalls();
        }

        @Bean
        @Primary
        SpeechToText scriptedSpeech(ScriptedCalls calls) {
            return calls;
        }
    }

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("earpiece.summary.llm.base-url", () -> STUB.baseUrl() + "/v1");
    }

    private static StubChatServer startStub() {
        try {
            return new StubChatServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void client() {
        http = TestAuth.as(port, TestAuth.adminToken(port)).mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    void stopStub() {
        STUB.close();
    }

    private String answer() {
        ObjectNode a = json.createObjectNode();
        a.put("call_type", "sales").put("abstract", "Renewal call: price pushback, two-year lock offered.")
                .put("sentiment", "neutral").put("priority", "high");
        a.putArray("objections").addObject().put("utterance", 1).put("kind", "price")
                .put("handling", "Offered to lock the current rate for a two-year term.");
        a.putArray("questions");
        a.putArray("decisions").addObject().put("utterance", 3).put("text", "Customer accepts the two-year lock.");
        a.putArray("action_items").addObject().put("utterance", 4).put("owner", "rep")
                .put("what", "send the paperwork").put("due", "friday");
        return a.toString();
    }

    @Test
    void searchFindsTheCallByTheRepsUsernameAndTheCustomersNumber() throws Exception {
        STUB.answerAlways(Answer.openAi(answer()));
        users.saveAndFlush(new UserEntity("dana.w", "not-a-hash", UserRole.REP, null, "dana.rep", null,
                java.time.Instant.now()));
        String callId = callAndSummary().callId();

        assertThat(search("rep=DANA.W&size=100")).contains(callId);
        assertThat(search("customer=(555) 017-7&size=100")).contains(callId);
        assertThat(search("rep=dana.w&customer=555 0178")).doesNotContain(callId);
        assertThat(search("rep=nobody-at-all")).isEmpty();
    }

    private List<String> search(String query) {
        SearchPage page = http.get().uri("/api/search?" + query).exchange().expectStatus().isOk()
                .expectBody(SearchPage.class).returnResult().getResponseBody();
        return page.hits().stream().map(h -> h.callId()).toList();
    }

    /** One scripted call through the coordinator, hung up; returns its summary once stored. */
    private SummaryView callAndSummary() throws Exception {
        String name = "llm-" + calls++;
        speech.next(new CallScriptParser().parse(SCRIPT));
        String conv = "conv-" + name;
        for (Party party : List.of(Party.REP, Party.CUSTOMER)) {
            coordinator.open(new LegOffer("leg-" + party + "-" + name, "sip:dana.rep@acme.test",
                    "sip:+15550177@pstn.test", conv, party, new InetSocketAddress("127.0.0.1", 9), Codec.PCMU, 101));
        }
        String callId = http.get().uri("/api/calls?size=100").exchange()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody().stream()
                .filter(c -> c.conversationId().equals(conv)).findFirst().orElseThrow().id();
        coordinator.ended("leg-" + Party.REP + "-" + name, EndReason.REMOTE_BYE);
        coordinator.ended("leg-" + Party.CUSTOMER + "-" + name, EndReason.REMOTE_BYE);
        await().atMost(Duration.ofSeconds(30)).until(() -> summaries.existsById(callId));
        return http.get().uri("/api/calls/" + callId + "/summary").exchange().expectStatus().isOk()
                .expectBody(SummaryView.class).returnResult().getResponseBody();
    }

    @Test
    void validAnswerIsStoredAsTheModelsSummary() throws Exception {
        STUB.answerAlways(Answer.openAi(answer()));
        int before = STUB.requests().size();

        SummaryView s = callAndSummary();

        assertThat(s.engine()).isEqualTo("llm:openai");
        assertThat(s.engineFallback()).isNull();
        assertThat(s.abstractText()).isEqualTo("Renewal call: price pushback, two-year lock offered.");
        assertThat(s.priority()).isEqualTo("high");
        assertThat(s.objections()).singleElement().satisfies(o -> {
            assertThat(o.said()).contains("price is too high");
            assertThat(o.response()).startsWith("Offered to lock");
        });
        LocalDate friday = s.callDate().with(TemporalAdjusters.next(java.time.DayOfWeek.FRIDAY));
        assertThat(s.actionItems()).singleElement().satisfies(a -> {
            assertThat(a.owner()).isEqualTo("rep");
            assertThat(a.dueDate()).isIn(friday, s.callDate());
        });
        assertThat(s.sentiment().timeline()).isNotEmpty();

        assertThat(STUB.requests()).hasSize(before + 1);
        StubChatServer.Request r = STUB.requests().get(before);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.header("Authorization")).isEqualTo("Bearer sk-it-key");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("model").asText()).isEqualTo("summary-model");
        assertThat(body.get("response_format").get("type").asText()).isEqualTo("json_schema");
        assertThat(body.get("response_format").get("json_schema").get("name").asText()).isEqualTo("call_summary");
        // Stored segments are masked on the live path; the model sees the placeholder, never the number.
        assertThat(r.body()).contains("[phone]").doesNotContain("4478");
        assertThat(s.callDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void malformedAnswerLeavesTheOfflineSummaryWithTheReason() throws Exception {
        STUB.answerAlways(Answer.openAi("{\"call_type\":\"sales\",\"abstract\":\"cut off"));

        SummaryView s = callAndSummary();

        assertThat(s.engine()).isEqualTo("offline");
        assertThat(s.engineFallback()).isEqualTo("malformed");
        assertThat(s.type()).isEqualTo("sales");
        assertThat(s.actionItems()).extracting(SummaryView.ActionItemView::what).isNotEmpty();
    }

    @Test
    void lateAnswerTimesOutToTheOfflineSummary() throws Exception {
        STUB.answerAlways(Answer.openAi(answer()).delayed(10_000));

        SummaryView s = callAndSummary();

        assertThat(s.engine()).isEqualTo("offline");
        assertThat(s.engineFallback()).isEqualTo("timeout");
        STUB.answerAlways(Answer.openAi(answer()));
    }
}
