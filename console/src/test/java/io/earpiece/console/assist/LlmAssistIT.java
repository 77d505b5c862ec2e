package io.earpiece.console.assist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.llm.OpenAiCardRequest;
import io.earpiece.assist.llm.StubChatServer;
import io.earpiece.assist.llm.StubChatServer.Answer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static io.earpiece.assist.llm.ChatBodies.openAi;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server with {@code earpiece.assist.llm.provider=openai} against a loopback stub of the Chat Completions API:
 * an analysed customer objection gets the card the model wrote, sent in the documented request shape with the
 * configured key; when the model is slower than the timeout the playbook card is shown instead. The key never
 * reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47650", "earpiece.rtp.port-max=47699",
        "earpiece.data-dir=target/it-data/llm-assist", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.assist.llm.provider=openai", "earpiece.assist.llm.model=gpt-4o-mini",
        "earpiece.assist.llm.api-key=" + LlmAssistIT.KEY, "earpiece.assist.llm.timeout=1s",
        "earpiece.assist.llm.token-budget=5000",
        "spring.datasource.url=jdbc:h2:mem:llmassist;DB_CLOSE_DELAY=-1"})
class LlmAssistIT {

    static final String KEY = "sk-it-7f3a9c21e5";
    static final String CARD_JSON = "{\"title\":\"Budget first\",\"body\":\"Ask what they pay today and what "
            + "budget they planned; mention the two-year rate.\"}";
    static final ObjectMapper JSON = new ObjectMapper();
    static final StubChatServer STUB = stub();

    @LocalServerPort
    int port;

    private static StubChatServer stub() {
        try {
            return new StubChatServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("earpiece.assist.llm.base-url", () -> STUB.baseUrl() + "/v1");
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @BeforeEach
    void clear() {
        STUB.reset();
    }

    static String transcript(String objection) {
        return "{\"utterances\": [{\"speaker\": \"rep\", \"start\": 0, \"end\": 3, \"text\": \"Thanks for taking the "
                + "time, this call is recorded for quality.\"}, {\"speaker\": \"customer\", \"start\": 4, \"end\": 8, "
                + "\"text\": \"" + objection + "\"}]}";
    }

    JsonNode analyze(String objection) throws IOException {
        byte[] body = TestAuth.as(port, TestAuth.adminToken(port)).post().uri("/api/analyze")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(transcript(objection))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    static JsonNode priceCard(JsonNode result) {
        for (JsonNode card : result.get("cards")) {
            if (card.get("trigger").asText().equals("objection:price")) {
                return card;
            }
        }
        throw new AssertionError("no price card in " + result);
    }

    @Test
    void theModelWritesTheCardFromARequestInTheDocumentedShape(CapturedOutput output) throws Exception {
        STUB.enqueue(new Answer(200, openAi(CARD_JSON, 120, 30), Duration.ZERO));

        JsonNode card = priceCard(analyze("Honestly the renewal is way too expensive compared to what we budgeted."));

        assertThat(card.get("title").asText()).isEqualTo("Budget first");
        assertThat(card.get("body").asText()).startsWith("Ask what they pay today");
        assertThat(card.get("source").asText()).isEqualTo("llm");
        assertThat(card.get("id").asText()).isEqualTo("objection-price");

        assertThat(STUB.requests()).hasSize(1);
        String asked = OpenAiCardRequest.assertShape(STUB.requests().get(0), KEY, "gpt-4o-mini", 256);
        assertThat(asked).contains("objection:price", "way too expensive compared to what we budgeted",
                "Acknowledge it");

        assertThat(output.getAll()).contains("assist LLM: OPENAI model gpt-4o-mini").doesNotContain(KEY);
    }

    @Test
    void aModelSlowerThanTheTimeoutLeavesThePlaybookCard() throws Exception {
        STUB.enqueue(new Answer(200, openAi(CARD_JSON, 1, 1), Duration.ofSeconds(10)));
        long t0 = System.nanoTime();

        JsonNode card = priceCard(analyze("The cost is too high for a company as small as ours."));

        assertThat((System.nanoTime() - t0) / 1_000_000).as("waited about the 1 s timeout").isLessThan(8000);
        assertThat(STUB.requests()).hasSize(1);
        assertThat(card.get("title").asText()).isEqualTo("Price objection");
        assertThat(card.get("body").asText()).startsWith("Acknowledge it");
        assertThat(card.get("source").asText()).isEqualTo("playbook");
    }

    @Test
    void theExampleKnowledgeBaseIsSeededAndAnswersQuestionsWithoutTheModel() throws Exception {
        TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/api/knowledge").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.slug == 'security-attestations')].author").isEqualTo("system");

        JsonNode result = analyze("Quick one from our security team, do you have a SOC 2 report?");

        JsonNode answer = null;
        for (JsonNode card : result.get("cards")) {
            if (card.get("id").asText().equals("kb:security-attestations")) {
                answer = card;
            }
        }
        assertThat(answer).as("knowledge card in %s", result).isNotNull();
        assertThat(answer.get("source").asText()).isEqualTo("https://trust.quillcall.example/audits");
        assertThat(STUB.requests()).noneMatch(r -> r.body().contains("SOC 2 Type II"));
    }
}
