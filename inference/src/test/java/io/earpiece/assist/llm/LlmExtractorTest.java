package io.earpiece.assist.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.FinalSegment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Structured extraction against stub OpenAI-compatible and Ollama servers. */
class LlmExtractorTest {
    private static final List<String> VOCABULARY = List.of("objection:price", "buying_signal", "next_step",
            LlmExtractor.ACTION);
    private final ObjectMapper json = new ObjectMapper();
    private final FinalSegment segment = new FinalSegment(4, "customer", 20, 25,
            "That looks promising, I will send you our usage numbers by Thursday.");
    private final List<AssistEvent> offline = List.of(new AssistEvent(4, "buying_signal", Map.of()));
    private ExecutorService executor;
    private StubChatServer stub;

    @BeforeEach
    void start() throws IOException {
        executor = Executors.newCachedThreadPool();
        stub = new StubChatServer();
    }

    @AfterEach
    void stop() {
        stub.close();
        executor.shutdownNow();
    }

    private LlmExtractor extractor(String provider, String baseUrl) {
        LlmSettings settings = LlmSettings.of(provider, baseUrl, "stub-model", "sk-x", Duration.ofSeconds(5), 5000);
        return new LlmExtractor(new LlmGateway(new ChatModelFactory().create(settings), settings, executor, json),
                VOCABULARY);
    }

    private static String labels() {
        return "{\"events\":[{\"tag\":\"buying_signal\",\"owner\":\"none\",\"what\":\"\",\"due\":\"\"},"
                + "{\"tag\":\"action\",\"owner\":\"customer\",\"what\":\"send usage numbers\",\"due\":\"Thursday\"},"
                + "{\"tag\":\"objection:made_up\",\"owner\":\"none\",\"what\":\"\",\"due\":\"\"}]}";
    }

    @Test
    void openAiAnswerAddsTheMissedCommitmentAndKeepsOfflineEvents() throws Exception {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(labels(), 200, 60)));

        LlmResult<List<AssistEvent>> result = extractor("openai", stub.baseUrl() + "/v1")
                .extract(segment, offline, new TokenBudget(5000));

        assertThat(result.origin()).isEqualTo(LlmResult.Origin.LLM);
        assertThat(result.value()).extracting(AssistEvent::tag)
                .containsExactly("buying_signal", "action:customer:send usage numbers:thursday");
        assertThat(result.value().get(1).details()).containsEntry("owner", "customer")
                .containsEntry("source", "llm");
        JsonNode body = json.readTree(stub.requests().get(0).body());
        assertThat(stub.requests().get(0).path()).isEqualTo("/v1/chat/completions");
        JsonNode schema = body.get("response_format").get("json_schema").get("schema");
        assertThat(body.get("response_format").get("json_schema").get("name").asText()).isEqualTo("utterance_labels");
        JsonNode item = schema.get("properties").get("events").get("items");
        assertThat(schema.get("properties").get("events").get("type").asText()).isEqualTo("array");
        assertThat(item.get("properties").get("tag").get("enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(VOCABULARY);
        assertThat(item.get("required")).extracting(JsonNode::asText)
                .containsExactly("tag", "owner", "what", "due");
    }

    @Test
    void malformedAnswerKeepsExactlyTheOfflineEvents() {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi("{\"events\": \"buying_signal\"}", 10, 10)));

        LlmResult<List<AssistEvent>> result = extractor("openai", stub.baseUrl() + "/v1")
                .extract(segment, offline, new TokenBudget(5000));

        assertThat(result.fallback()).isEqualTo(FallbackReason.MALFORMED);
        assertThat(result.value()).isEqualTo(offline);
    }

    @Test
    void ollamaRequestIsAnApiChatCallWithTheSchemaAsFormat() throws Exception {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.ollama(labels(), 200, 60)));

        LlmResult<List<AssistEvent>> result = extractor("ollama", stub.baseUrl())
                .extract(segment, offline, new TokenBudget(5000));

        assertThat(result.origin()).isEqualTo(LlmResult.Origin.LLM);
        assertThat(result.value()).extracting(AssistEvent::tag)
                .contains("action:customer:send usage numbers:thursday");
        StubChatServer.Request request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("model").asText()).isEqualTo("stub-model");
        assertThat(body.get("stream").asBoolean(true)).isFalse();
        assertThat(body.get("messages")).extracting(m -> m.get("role").asText()).containsExactly("system", "user");
        assertThat(body.get("messages").get(1).get("content").asText()).contains("usage numbers by Thursday");
        assertThat(body.get("format").get("type").asText()).isEqualTo("object");
        assertThat(body.get("format").get("properties").has("events")).isTrue();
        assertThat(body.get("options").get("num_predict").asInt()).isEqualTo(LlmSettings.DEFAULT_MAX_OUTPUT_TOKENS);
    }
}
