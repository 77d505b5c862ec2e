package io.earpiece.assist.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.earpiece.assist.Card;
import io.earpiece.assist.FinalSegment;
import java.util.Optional;

/**
 * Writes a card's text with the model: the playbook card is the guidance, the customer's words the situation.
 * Answers are cached ({@link LlmCardCache}); on timeout, outage, spent budget or a malformed answer the playbook
 * card is returned unchanged.
 */
public final class LlmCardWriter {
    static final int MAX_TITLE_CHARS = 80;
    static final int MAX_BODY_CHARS = 400;
    private static final String SYSTEM = """
            You help a sales or support rep during a live phone call. Write one short card the rep can glance at \
            while listening: a title of at most six words and a body of at most thirty words, concrete and \
            actionable, following the team's guidance and fitting what was just said. Do not invent prices, \
            dates or product facts that the guidance does not give. Reply with JSON only.""";
    private static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("assist_card")
            .rootElement(JsonObjectSchema.builder()
                    .addStringProperty("title", "card title, at most six words")
                    .addStringProperty("body", "what the rep should say or do, at most thirty words")
                    .required("title", "body")
                    .additionalProperties(false)
                    .build())
            .build();

    private final LlmGateway llm;
    private final LlmCardCache cache;

    public LlmCardWriter(LlmGateway llm, LlmCardCache cache) {
        this.llm = llm;
        this.cache = cache;
    }

    /**
     * The card rewritten by the model (source {@link Card#LLM}), from the cache when this trigger was seen under
     * this playbook version, or {@code playbookCard} itself with the reason it was kept.
     */
    public LlmResult<Card> write(Card playbookCard, FinalSegment trigger, String playbookVersion,
                                 TokenBudget budget) {
        LlmCardCache.Key key = LlmCardCache.key(playbookVersion, playbookCard.id(), playbookCard.trigger(),
                trigger.text());
        Optional<LlmCardCache.CardText> known = cache.get(key);
        if (known.isPresent()) {
            return LlmResult.cached(playbookCard.rewritten(known.get().title(), known.get().body(), Card.LLM));
        }
        String user = "Trigger: " + playbookCard.trigger() + "\n"
                + "Guidance title: " + playbookCard.title() + "\n"
                + "Guidance: " + playbookCard.body() + "\n"
                + "The " + trigger.speaker() + " just said: \"" + trigger.text() + "\"";
        try {
            JsonNode answer = llm.askJson(SYSTEM, user, SCHEMA, budget);
            String title = text(answer, "title", MAX_TITLE_CHARS);
            String body = text(answer, "body", MAX_BODY_CHARS);
            cache.put(key, new LlmCardCache.CardText(title, body));
            return LlmResult.llm(playbookCard.rewritten(title, body, Card.LLM));
        } catch (LlmUnavailableException e) {
            return LlmResult.offline(playbookCard, e.reason());
        }
    }

    private static String text(JsonNode answer, String field, int maxChars) throws LlmUnavailableException {
        JsonNode node = answer.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new LlmUnavailableException(FallbackReason.MALFORMED, "no " + field + " in the answer");
        }
        String value = node.asText().strip();
        if (value.length() > maxChars) {
            throw new LlmUnavailableException(FallbackReason.MALFORMED, field + " longer than " + maxChars);
        }
        return value;
    }
}
