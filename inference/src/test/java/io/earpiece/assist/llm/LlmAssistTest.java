package io.earpiece.assist.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.CallAnalysis;
import io.earpiece.assist.Card;
import io.earpiece.assist.SegmentOutcome;
import io.earpiece.assist.playbook.PlaybookLoader;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The LLM layer installed on the real offline engine, against a stub OpenAI-compatible server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmAssistTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 12);
    private static final String DISCLOSURE = "Quick note, we record this call for coaching purposes.";
    private static final String PRICE = "Honestly that is way too expensive for us.";
    private static final String CARD_JSON = "{\"title\":\"Dig into budget\",\"body\":\"Ask what they expected "
            + "to pay and what it must achieve.\"}";
    private final ObjectMapper json = new ObjectMapper();
    private AssistEngine offline;
    private ExecutorService executor;
    private StubChatServer stub;

    @BeforeAll
    void loadEngine() {
        offline = new AssistEngine(new PlaybookLoader().loadDefault());
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    void stopExecutor() {
        executor.shutdownNow();
    }

    @BeforeEach
    void startStub() throws IOException {
        stub = new StubChatServer();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private LlmAssist llm(int budget, boolean extract) {
        LlmSettings settings = LlmSettings.of("openai", stub.baseUrl() + "/v1", "gpt-4o-mini", "sk-test",
                Duration.ofSeconds(5), budget);
        LlmGateway gateway = new LlmGateway(new ChatModelFactory().create(settings), settings, executor, json);
        LlmCardWriter writer = new LlmCardWriter(gateway, new LlmCardCache(100));
        LlmExtractor extractor = extract
                ? new LlmExtractor(gateway, LlmExtractor.vocabulary(offline.playbook())) : null;
        return new LlmAssist(writer, extractor, settings.perCallTokenBudget());
    }

    @Test
    void playbookCardIsRewrittenByTheModel() {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(CARD_JSON, 150, 30)));
        CallAnalysis call = offline.withDecorator(llm(5000, false)).startCall(DAY);

        call.onFinalSegment(0, "rep", 0, 3, DISCLOSURE);
        SegmentOutcome outcome = call.onFinalSegment(1, "customer", 4, 8, PRICE);

        assertThat(outcome.events()).extracting(AssistEvent::tag).contains("objection:price");
        assertThat(outcome.cards()).singleElement().satisfies(card -> {
            assertThat(card.id()).isEqualTo("objection-price");
            assertThat(card.title()).isEqualTo("Dig into budget");
            assertThat(card.source()).isEqualTo(Card.LLM);
            assertThat(card.utterance()).isEqualTo(1);
        });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void malformedModelAnswerLeavesTheOfflineOutcomeIntact() {
        LlmAssist llm = llm(5000, true);
        CallAnalysis withLlm = offline.withDecorator(llm).startCall(DAY);
        CallAnalysis plain = offline.startCall(DAY);
        withLlm.onFinalSegment(0, "rep", 0, 3, DISCLOSURE);
        plain.onFinalSegment(0, "rep", 0, 3, DISCLOSURE);

        int before = stub.requests().size();
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi("{\"events\": [ {\"tag\": ", 10, 10)));
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi("<html>not json</html>", 10, 10)));
        SegmentOutcome decorated = withLlm.onFinalSegment(1, "customer", 4, 8, PRICE);
        SegmentOutcome expected = plain.onFinalSegment(1, "customer", 4, 8, PRICE);

        assertThat(decorated).isEqualTo(expected);
        assertThat(decorated.events()).extracting(AssistEvent::tag).contains("objection:price");
        assertThat(decorated.cards()).extracting(Card::source).containsOnly(Card.PLAYBOOK);
        assertThat(stub.requests().size() - before).isEqualTo(2);
        assertThat(llm.stats().fallbacks().get(FallbackReason.MALFORMED)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTagOnlyTheModelFoundRaisesItsCard() {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(
                "{\"events\":[{\"tag\":\"objection:price\",\"owner\":\"none\",\"what\":\"\",\"due\":\"\"}]}", 200, 20)));
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(CARD_JSON, 150, 30)));
        CallAnalysis call = offline.withDecorator(llm(5000, true)).startCall(DAY);

        SegmentOutcome outcome = call.onFinalSegment(0, "customer", 0, 3, "Hmm, the numbers on that sheet.");

        assertThat(outcome.events()).extracting(AssistEvent::tag).containsExactly("objection:price");
        assertThat(outcome.events().get(0).details()).containsEntry("source", "llm");
        assertThat(outcome.cards()).extracting(Card::id, Card::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("objection-price", Card.LLM));
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void personalDataNeverReachesTheModel() {
        stub.enqueue(StubChatServer.Answer.ok(ChatBodies.openAi(CARD_JSON, 150, 30)));
        CallAnalysis call = offline.withDecorator(llm(5000, false)).startCall(DAY);
        call.onFinalSegment(0, "rep", 0, 3, DISCLOSURE);

        call.onFinalSegment(1, "customer", 4, 9,
                "That is way too expensive for us, mail the quote to dana at fieldhouse dot com.");

        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.requests().get(0).body()).doesNotContain("fieldhouse").contains("[email]");
    }

    @Test
    void spentBudgetKeepsTheCallOfflineWithoutRequests() {
        LlmAssist llm = llm(100, false);
        CallAnalysis call = offline.withDecorator(llm).startCall(DAY);
        call.onFinalSegment(0, "rep", 0, 3, DISCLOSURE);

        SegmentOutcome outcome = call.onFinalSegment(1, "customer", 4, 8, PRICE);

        assertThat(outcome.cards()).extracting(Card::id, Card::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("objection-price", Card.PLAYBOOK));
        assertThat(stub.requests()).isEmpty();
        assertThat(llm.stats().fallbacks().get(FallbackReason.OVER_BUDGET)).isEqualTo(1);
    }
}
