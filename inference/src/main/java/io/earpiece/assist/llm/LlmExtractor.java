package io.earpiece.assist.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.FinalSegment;
import io.earpiece.assist.playbook.IntentDefinition;
import io.earpiece.assist.playbook.Playbook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Structured extraction with the model: the segment's tags (from the playbook's vocabulary) and commitments
 * (owner, what, due) as JSON of a fixed schema. The model can only add to the offline events: the result always
 * starts with every offline event, then the model's events that the offline engine did not find (marked with
 * detail {@code source=llm}). Any failure returns the offline events unchanged.
 */
public final class LlmExtractor {
    /** Tag the model uses for a commitment; it becomes {@code action:OWNER:WHAT:DUE}. */
    public static final String ACTION = "action";
    private static final String DEFAULT_DUE = "today";
    private static final int MAX_WHAT_CHARS = 80;
    private static final String SYSTEM = """
            You label one utterance of a recorded sales or support phone call. Return every label from the \
            allowed list that the utterance clearly carries, or none. Use "action" for a commitment to do \
            something, with owner (who committed: rep or customer), what (a short verb phrase) and due (the due \
            time as said, e.g. "friday", "next week", or "today" when none is said); for other labels leave \
            owner "none" and what and due empty. Reply with JSON only.""";

    private final LlmGateway llm;
    private final List<String> vocabulary;
    private final JsonSchema schema;

    /** {@code vocabulary}: the tags the model may return, e.g. {@link #vocabulary(Playbook)}. */
    public LlmExtractor(LlmGateway llm, List<String> vocabulary) {
        this.llm = llm;
        this.vocabulary = List.copyOf(vocabulary);
        this.schema = JsonSchema.builder()
                .name("utterance_labels")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("events", JsonArraySchema.builder()
                                .items(JsonObjectSchema.builder()
                                        .addEnumProperty("tag", this.vocabulary)
                                        .addEnumProperty("owner", List.of("rep", "customer", "none"))
                                        .addStringProperty("what")
                                        .addStringProperty("due")
                                        .required("tag", "owner", "what", "due")
                                        .additionalProperties(false)
                                        .build())
                                .build())
                        .required("events")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    /** The playbook's intent tags plus {@link #ACTION}: what the offline engine can emit by meaning. */
    public static List<String> vocabulary(Playbook playbook) {
        Set<String> tags = new LinkedHashSet<>();
        for (IntentDefinition intent : playbook.intents()) {
            tags.add(intent.tag());
        }
        tags.add(ACTION);
        return List.copyOf(tags);
    }

    /** The offline events plus the model's additions, or the offline events with the reason there are none. */
    public LlmResult<List<AssistEvent>> extract(FinalSegment segment, List<AssistEvent> offline,
                                                TokenBudget budget) {
        String user = "Allowed labels: " + String.join(", ", vocabulary) + "\n"
                + "Speaker: " + segment.speaker() + "\n"
                + "Utterance: \"" + segment.text() + "\"";
        try {
            JsonNode answer = llm.askJson(SYSTEM, user, schema, budget);
            return LlmResult.llm(merge(segment, offline, parse(segment, answer)));
        } catch (LlmUnavailableException e) {
            return LlmResult.offline(offline, e.reason());
        }
    }

    private List<AssistEvent> parse(FinalSegment segment, JsonNode answer) throws LlmUnavailableException {
        JsonNode events = answer.get("events");
        if (events == null || !events.isArray()) {
            throw new LlmUnavailableException(FallbackReason.MALFORMED, "no events array");
        }
        List<AssistEvent> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (!e.isObject() || !e.path("tag").isTextual()) {
                throw new LlmUnavailableException(FallbackReason.MALFORMED, "event without a tag");
            }
            String tag = e.get("tag").asText();
            if (!vocabulary.contains(tag)) {
                // Servers without strict schemas may stray from the enum; an unknown label is dropped, not trusted.
                continue;
            }
            if (!tag.equals(ACTION)) {
                out.add(new AssistEvent(segment.utterance(), tag, Map.of("source", "llm")));
                continue;
            }
            String owner = e.path("owner").asText("");
            String what = e.path("what").asText("").strip().toLowerCase(Locale.ROOT);
            String due = e.path("due").asText("").strip().toLowerCase(Locale.ROOT);
            if (!(owner.equals("rep") || owner.equals("customer")) || what.isEmpty() || what.length() > MAX_WHAT_CHARS
                    || what.contains(":") || due.contains(":")) {
                continue;
            }
            due = due.isEmpty() ? DEFAULT_DUE : due;
            Map<String, String> details = new LinkedHashMap<>();
            details.put("owner", owner);
            details.put("what", what);
            details.put("due", due);
            details.put("source", "llm");
            out.add(new AssistEvent(segment.utterance(), ACTION + ":" + owner + ":" + what + ":" + due, details));
        }
        return out;
    }

    private static List<AssistEvent> merge(FinalSegment segment, List<AssistEvent> offline, List<AssistEvent> llm) {
        List<AssistEvent> out = new ArrayList<>(offline);
        Set<String> seen = new LinkedHashSet<>();
        boolean offlineAction = false;
        for (AssistEvent e : offline) {
            if (e.utterance() == segment.utterance()) {
                seen.add(e.tag());
                offlineAction |= e.family().equals(ACTION);
            }
        }
        for (AssistEvent e : llm) {
            // The offline engine's commitment wording is kept; the model only adds one it missed.
            boolean duplicateAction = e.family().equals(ACTION) && offlineAction;
            if (!duplicateAction && seen.add(e.tag())) {
                out.add(e);
            }
        }
        return out;
    }
}
