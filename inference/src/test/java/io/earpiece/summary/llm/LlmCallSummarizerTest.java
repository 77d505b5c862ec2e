package io.earpiece.summary.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.llm.ChatModelFactory;
import io.earpiece.assist.llm.FallbackReason;
import io.earpiece.assist.llm.LlmGateway;
import io.earpiece.assist.llm.LlmSettings;
import io.earpiece.assist.llm.StubChatServer;
import io.earpiece.assist.llm.StubChatServer.Answer;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.summary.CallSummarizer;
import io.earpiece.summary.CallSummary;
import io.earpiece.summary.CallType;
import io.earpiece.summary.Priority;
import io.earpiece.summary.SummaryOutcome;
import io.earpiece.summary.ThreePartyCall;
import io.earpiece.summary.Utterance;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model-written summary against a loopback Chat Completions stub, and every way it falls back. */
class LlmCallSummarizerTest {
    private static final LocalDate TUESDAY = LocalDate.of(2031, 5, 6);
    private static final List<Utterance> CALL = List.of(
            new Utterance("rep", 0, 3, "Hi, this is Alice from Acme, thanks for taking the call."),
            new Utterance("customer", 3, 8, "Honestly the price is too high for our budget this year."),
            new Utterance("rep", 8, 14, "I understand. We can phase the rollout so the first year costs less."),
            new Utterance("customer", 14, 18, "Does it support single sign-on?"),
            new Utterance("rep", 18, 22, "Yes, SAML and OIDC both."),
            // A segment that escaped masking: the model must still only see the placeholder.
            new Utterance("customer", 22, 27, "Okay, call me back on 555 212 4478 and we go with the pilot."),
            new Utterance("rep", 27, 31, "Great, I will send the proposal by Friday."));
    private static final List<AssistEvent> EVENTS = List.of(
            new AssistEvent(1, "objection:price", Map.of()),
            new AssistEvent(6, "action:rep:send the proposal:friday",
                    Map.of("owner", "rep", "what", "send the proposal", "due", "friday")));

    private final ObjectMapper json = new ObjectMapper();
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

    private LlmCallSummarizer summarizer(Duration timeout) {
        LlmSettings settings = new LlmSettings(LlmSettings.Provider.OPENAI, stub.baseUrl() + "/v1", "summary-model",
                "sk-test-key", timeout, 20_000, 1500);
        return new LlmCallSummarizer(new LlmGateway(new ChatModelFactory().create(settings), settings, executor, json),
                new CallSummarizer(), new DueDateResolver(), new PiiDetector());
    }

    private ObjectNode validAnswer() {
        ObjectNode a = json.createObjectNode();
        a.put("call_type", "sales").put("abstract", "Acme pitched a phased rollout; the customer agreed to a pilot.")
                .put("sentiment", "positive").put("priority", "high");
        a.putArray("objections").addObject().put("utterance", 1).put("kind", "price")
                .put("handling", "Offered a phased rollout to lower first-year cost.");
        a.putArray("questions").addObject().put("utterance", 3).put("asker", "customer").put("topic", "security")
                .put("answer", "SAML and OIDC are supported.");
        a.putArray("decisions").addObject().put("utterance", 5).put("text", "Go ahead with the pilot.");
        var actions = a.putArray("action_items");
        actions.addObject().put("utterance", 6).put("owner", "rep").put("what", "send the proposal")
                .put("due", "Friday");
        actions.addObject().put("utterance", 5).put("owner", "rep").put("what", "call the customer back")
                .put("due", "");
        return a;
    }

    @Test
    void theModelIsToldThePartiesNames() throws IOException {
        stub.answerAlways(Answer.openAi(validAnswer().toString()));
        io.earpiece.names.PartyNames names = new io.earpiece.names.PartyNames(Map.of("customer", "Dana"));

        SummaryOutcome out = summarizer(Duration.ofSeconds(5)).summarize(CALL, EVENTS, TUESDAY, names);

        assertThat(out.fallback()).isNull();
        JsonNode body = json.readTree(stub.requests().get(0).body());
        assertThat(body.get("messages").get(0).get("content").asText()).contains("call them by name in the abstract");
        assertThat(body.get("messages").get(1).get("content").asText())
                .contains("Names: customer is Dana\n").doesNotContain("rep is")
                .contains("[1] customer: Honestly the price");
    }

    private SummaryOutcome summarizeWith(String content) {
        stub.answerAlways(Answer.openAi(content));
        return summarizer(Duration.ofSeconds(5)).summarize(CALL, EVENTS, TUESDAY);
    }

    private SummaryOutcome summarizeWith(Consumer<ObjectNode> change) {
        ObjectNode answer = validAnswer();
        change.accept(answer);
        return summarizeWith(answer.toString());
    }

    @Test
    void validAnswerIsUsedWithItsDueDatesResolved() throws Exception {
        SummaryOutcome out = summarizeWith(validAnswer().toString());

        assertThat(out.engine()).isEqualTo("llm:openai");
        assertThat(out.fallback()).isNull();
        CallSummary s = out.summary();
        assertThat(s.type()).isEqualTo(CallType.SALES);
        assertThat(s.priority()).isEqualTo(Priority.HIGH);
        assertThat(s.abstractText()).startsWith("Acme pitched a phased rollout");
        assertThat(s.sentiment().label()).isEqualTo("positive");
        assertThat(s.sentiment().timeline()).hasSize(3);
        assertThat(s.objections()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo("price");
            assertThat(o.said()).isEqualTo(CALL.get(1).text());
            assertThat(o.response()).startsWith("Offered a phased rollout");
        });
        assertThat(s.questions()).singleElement().satisfies(q -> {
            assertThat(q.asker()).isEqualTo("customer");
            assertThat(q.topic()).isEqualTo("security");
        });
        assertThat(s.decisions()).singleElement().satisfies(d -> assertThat(d.speaker()).isEqualTo("customer"));
        assertThat(s.actionItems()).hasSize(2);
        assertThat(s.actionItems().get(0).due()).isEqualTo("friday");
        assertThat(s.actionItems().get(0).dueDate()).isEqualTo(LocalDate.of(2031, 5, 9));
        assertThat(s.actionItems().get(1).dueDate()).isNull();
    }

    @Test
    void requestIsAChatCompletionWithTheSummarySchemaAndMaskedTranscript() throws Exception {
        summarizeWith(validAnswer().toString());

        assertThat(stub.requests()).hasSize(1);
        StubChatServer.Request r = stub.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.header("Authorization")).isEqualTo("Bearer sk-test-key");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("model").asText()).isEqualTo("summary-model");
        assertThat(body.get("temperature").asDouble()).isZero();
        JsonNode format = body.get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.get("json_schema").get("name").asText()).isEqualTo(SummaryPrompt.SCHEMA_NAME);
        assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
        JsonNode schema = format.get("json_schema").get("schema");
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("call_type", "abstract",
                "sentiment", "priority", "objections", "questions", "decisions", "action_items");
        assertThat(schema.get("properties").get("call_type").get("enum")).extracting(JsonNode::asText)
                .containsExactly("sales", "support", "meeting");
        JsonNode action = schema.get("properties").get("action_items").get("items");
        assertThat(action.get("properties").get("owner").get("enum")).extracting(JsonNode::asText)
                .containsExactly("rep", "customer");
        assertThat(action.get("required")).extracting(JsonNode::asText)
                .containsExactly("utterance", "owner", "what", "due");
        JsonNode messages = body.get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        String user = messages.get(1).get("content").asText();
        assertThat(user).contains("Call date: 2031-05-06 (Tuesday)", "[1] customer: Honestly the price",
                "call me back on [phone]");
        assertThat(r.body()).doesNotContain("4478").doesNotContain("212");
    }

    @Test
    void furtherPartiesAreNamedToTheModelAndInItsSummaryAsTheOfflineEngineNamesThem() throws Exception {
        List<Utterance> call = ThreePartyCall.UTTERANCES;
        ObjectNode a = validAnswer();
        a.putArray("objections").addObject().put("utterance", 2).put("kind", "price")
                .put("handling", "Offered a smaller package.");
        a.putArray("questions").addObject().put("utterance", 4).put("asker", "customer-2").put("topic", "scope")
                .put("answer", "Reporting is in every package.");
        a.putArray("decisions");
        a.putArray("action_items").addObject().put("utterance", 6).put("owner", "customer-2")
                .put("what", "circulate the draft contract").put("due", "monday");
        stub.answerAlways(Answer.openAi(a.toString()));

        SummaryOutcome out = summarizer(Duration.ofSeconds(5)).summarize(call, List.of(), TUESDAY);

        assertThat(out.fallback()).isNull();
        CallSummary s = out.summary();
        assertThat(s.objections()).singleElement().satisfies(o -> assertThat(o.by()).isEqualTo("customer-2"));
        assertThat(s.questions()).singleElement().satisfies(q -> assertThat(q.asker()).isEqualTo("customer-2"));
        assertThat(s.actionItems()).singleElement().satisfies(i -> assertThat(i.owner()).isEqualTo("customer-2"));
        assertThat(new io.earpiece.summary.SummaryTextRenderer().render(s)).contains("- price (customer-2): ");

        JsonNode body = json.readTree(stub.requests().get(0).body());
        assertThat(body.get("messages").get(1).get("content").asText())
                .contains("[1] customer: Happy to", "[2] customer-2: The price is far too expensive");
        JsonNode owner = body.get("response_format").get("json_schema").get("schema").get("properties")
                .get("action_items").get("items").get("properties").get("owner");
        assertThat(owner.get("enum")).extracting(JsonNode::asText).containsExactly("rep", "customer", "customer-2");

        // A party that is not on the call is refused like any other value outside the schema.
        ((ObjectNode) a.get("action_items").get(0)).put("owner", "customer-3");
        stub.answerAlways(Answer.openAi(a.toString()));
        SummaryOutcome stray = summarizer(Duration.ofSeconds(5)).summarize(call, List.of(), TUESDAY);
        assertThat(stray.engine()).isEqualTo(SummaryOutcome.OFFLINE);
        assertThat(stray.fallback()).isEqualTo(FallbackReason.MALFORMED);
    }

    @Test
    void malformedJsonFallsBackToTheOfflineSummary() {
        SummaryOutcome out = summarizeWith("here is your summary: {\"call_type\": ");

        assertThat(out.engine()).isEqualTo(SummaryOutcome.OFFLINE);
        assertThat(out.fallback()).isEqualTo(FallbackReason.MALFORMED);
        assertThat(out.summary()).isEqualTo(new CallSummarizer().summarize(CALL, EVENTS, TUESDAY));
    }

    @Test
    void answersThatFailTheChecksFallBack() {
        List<Consumer<ObjectNode>> broken = List.of(
                a -> a.put("call_type", "smalltalk"),
                a -> a.remove("priority"),
                a -> a.put("abstract", "   "),
                a -> ((ObjectNode) a.get("action_items").get(0)).put("owner", "manager"),
                a -> ((ObjectNode) a.get("action_items").get(0)).remove("what"),
                a -> ((ObjectNode) a.get("action_items").get(0)).put("due", "when pigs fly"),
                a -> ((ObjectNode) a.get("objections").get(0)).put("utterance", 99),
                a -> ((ObjectNode) a.get("questions").get(0)).put("asker", "bot"),
                a -> a.put("decisions", "none"));
        for (Consumer<ObjectNode> change : broken) {
            SummaryOutcome out = summarizeWith(change);
            assertThat(out.engine()).isEqualTo(SummaryOutcome.OFFLINE);
            assertThat(out.fallback()).isEqualTo(FallbackReason.MALFORMED);
            assertThat(out.summary().type()).isEqualTo(CallType.SALES);
        }
        assertThat(stub.requests()).hasSize(broken.size());
    }

    @Test
    void slowServerTimesOutToTheOfflineSummary() {
        stub.answerAlways(Answer.openAi(validAnswer().toString()).delayed(5_000));
        long start = System.nanoTime();

        SummaryOutcome out = summarizer(Duration.ofMillis(300)).summarize(CALL, EVENTS, TUESDAY);

        assertThat(out.engine()).isEqualTo(SummaryOutcome.OFFLINE);
        assertThat(out.fallback()).isEqualTo(FallbackReason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(out.summary().actionItems()).extracting(a -> a.dueDate()).containsExactly(LocalDate.of(2031, 5, 9));
    }

    @Test
    void outageFallsBackAndAnEmptyCallNeverAsks() {
        stub.answerAlways(new Answer(503, "{\"error\":{\"message\":\"stub outage\"}}", Duration.ZERO));
        SummaryOutcome out = summarizer(Duration.ofSeconds(5)).summarize(CALL, EVENTS, TUESDAY);
        assertThat(out.fallback()).isEqualTo(FallbackReason.UNAVAILABLE);
        assertThat(out.engine()).isEqualTo(SummaryOutcome.OFFLINE);

        int asked = stub.requests().size();
        SummaryOutcome empty = summarizer(Duration.ofSeconds(5)).summarize(List.of(), List.of(), TUESDAY);
        assertThat(empty.engine()).isEqualTo(SummaryOutcome.OFFLINE);
        assertThat(empty.fallback()).isNull();
        assertThat(stub.requests()).hasSize(asked);
    }
}
