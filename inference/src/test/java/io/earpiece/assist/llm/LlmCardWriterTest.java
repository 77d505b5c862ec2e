package io.earpiece.assist.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.Card;
import io.earpiece.assist.FinalSegment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The card writer against a stub OpenAI-compatible server, checked against the Chat Completions API reference. */
class LlmCardWriterTest {
    private static final String KEY = "sk-test-123";
    private static final String CARD_JSON = "{\"title\":\"Budget first\",\"body\":\"Ask what they pay today and "
            + "what budget they planned; mention the two-year rate.\"}";
    private final ObjectMapper json = new ObjectMapper();
    private final Card playbookCard = new Card("objection-price", "Price objection",
            "Acknowledge it, then ask what range they had planned.", 1, 3, "objection:price");
    private final FinalSegment said = new FinalSegment(3, "customer", 10, 14,
            "Honestly the renewal quote is far above what we budgeted.");
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

    private LlmCardWriter writer(String baseUrl, Duration timeout, LlmCardCache cache) {
        LlmSettings settings = LlmSettings.of("openai", baseUrl, "gpt-4o-mini", KEY, timeout, 5000);
        return new LlmCardWriter(new LlmGateway(new ChatModelFactory().create(settings), settings, executor, json),
                cache);
    }

    private LlmCardWriter writer(Duration timeout) {
        return writer(stub.baseUrl() + "/v1", timeout, new LlmCardCache(100));
    }

    @Test
    void requestIsAChatCompletionWithJsonSchemaAndTheAnswerBecomesTheCard() throws Exception {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(CARD_JSON, 120, 30)));
        TokenBudget budget = new TokenBudget(5000);

        LlmResult<Card> result = writer(Duration.ofSeconds(5)).write(playbookCard, said, "pb1", budget);

        assertThat(result.origin()).isEqualTo(LlmResult.Origin.LLM);
        assertThat(result.value().title()).isEqualTo("Budget first");
        assertThat(result.value().body()).startsWith("Ask what they pay today");
        assertThat(result.value().source()).isEqualTo(Card.LLM);
        assertThat(result.value().id()).isEqualTo("objection-price");
        assertThat(result.value().utterance()).isEqualTo(3);
        assertThat(budget.remaining()).isEqualTo(5000 - 150);

        assertThat(stub.requests()).hasSize(1);
        String asked = OpenAiCardRequest.assertShape(stub.requests().get(0), KEY, "gpt-4o-mini",
                LlmSettings.DEFAULT_MAX_OUTPUT_TOKENS);
        assertThat(asked).contains("objection:price", "far above what we budgeted", "Acknowledge it");
    }

    @Test
    void sameTriggerAndPlaybookVersionIsServedFromTheCache() {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(CARD_JSON, 100, 20)));
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(CARD_JSON, 100, 20)));
        LlmCardWriter writer = writer(Duration.ofSeconds(5));
        FinalSegment sameWordsLater = new FinalSegment(9, "customer", 40, 44,
                "honestly, the renewal quote is far above what we budgeted!");

        LlmResult<Card> first = writer.write(playbookCard, said, "pb1", new TokenBudget(5000));
        LlmResult<Card> second = writer.write(playbookCard, sameWordsLater, "pb1", new TokenBudget(5000));

        assertThat(first.origin()).isEqualTo(LlmResult.Origin.LLM);
        assertThat(second.origin()).isEqualTo(LlmResult.Origin.CACHE);
        assertThat(second.value().body()).isEqualTo(first.value().body());
        assertThat(stub.requests()).hasSize(1);

        LlmResult<Card> edited = writer.write(playbookCard, said, "pb2", new TokenBudget(5000));
        assertThat(edited.origin()).isEqualTo(LlmResult.Origin.LLM);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void slowServerFallsBackToThePlaybookCardWithinTheTimeout() {
        stub.enqueue(new StubChatServer.Answer(200, ChatBodies.openAi(CARD_JSON, 1, 1), Duration.ofSeconds(5)));
        long t0 = System.nanoTime();

        LlmResult<Card> result = writer(Duration.ofMillis(300)).write(playbookCard, said, "pb1",
                new TokenBudget(5000));

        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
        assertThat(result.origin()).isEqualTo(LlmResult.Origin.OFFLINE);
        assertThat(result.fallback()).isEqualTo(FallbackReason.TIMEOUT);
        assertThat(result.value()).isEqualTo(playbookCard);
    }

    @Test
    void malformedAnswersFallBackAndAreNotCached() {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi("Sure! Here is your card: {title: oops", 10, 10)));
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi("{\"title\":\"Only a title\"}", 10, 10)));
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(CARD_JSON, 10, 10)));
        LlmCardWriter writer = writer(Duration.ofSeconds(5));

        LlmResult<Card> notJson = writer.write(playbookCard, said, "pb1", new TokenBudget(5000));
        LlmResult<Card> missingBody = writer.write(playbookCard, said, "pb1", new TokenBudget(5000));
        LlmResult<Card> good = writer.write(playbookCard, said, "pb1", new TokenBudget(5000));

        assertThat(notJson.fallback()).isEqualTo(FallbackReason.MALFORMED);
        assertThat(notJson.value()).isEqualTo(playbookCard);
        assertThat(missingBody.fallback()).isEqualTo(FallbackReason.MALFORMED);
        assertThat(missingBody.value()).isEqualTo(playbookCard);
        assertThat(good.origin()).isEqualTo(LlmResult.Origin.LLM);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void serverErrorAndClosedPortFallBackAsUnavailable() throws IOException {
        stub.enqueue(new StubChatServer.Answer(503, "{\"error\":{\"message\":\"overloaded\"}}", Duration.ZERO));
        LlmResult<Card> overloaded = writer(Duration.ofSeconds(5)).write(playbookCard, said, "pb1",
                new TokenBudget(5000));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        LlmResult<Card> down = writer("http://127.0.0.1:" + closedPort + "/v1", Duration.ofSeconds(5),
                new LlmCardCache(10)).write(playbookCard, said, "pb1", new TokenBudget(5000));

        assertThat(overloaded.fallback()).isEqualTo(FallbackReason.UNAVAILABLE);
        assertThat(overloaded.value()).isEqualTo(playbookCard);
        assertThat(down.fallback()).isEqualTo(FallbackReason.UNAVAILABLE);
        assertThat(down.value()).isEqualTo(playbookCard);
    }

    @Test
    void exhaustedBudgetStaysOfflineWithoutARequest() {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(CARD_JSON, 100, 20)));
        TokenBudget budget = new TokenBudget(LlmSettings.DEFAULT_MAX_OUTPUT_TOKENS + 10);

        LlmResult<Card> result = writer(Duration.ofSeconds(5)).write(playbookCard, said, "pb1", budget);

        assertThat(result.fallback()).isEqualTo(FallbackReason.OVER_BUDGET);
        assertThat(result.value()).isEqualTo(playbookCard);
        assertThat(stub.requests()).isEmpty();
    }
}
