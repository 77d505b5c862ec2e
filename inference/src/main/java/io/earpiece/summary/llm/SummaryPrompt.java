package io.earpiece.summary.llm;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.earpiece.summary.CallType;
import io.earpiece.summary.Priority;
import io.earpiece.summary.Utterance;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the model is asked for a call summary: the instructions, the numbered transcript and the JSON schema of the
 * answer (every field required and no others, as strict structured output demands).
 */
public final class SummaryPrompt {
    /** Schema name sent as {@code response_format.json_schema.name}. */
    public static final String SCHEMA_NAME = "call_summary";
    static final List<String> TYPES = Arrays.stream(CallType.values()).map(CallType::label).toList();
    static final List<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::label).toList();
    static final List<String> SENTIMENTS = List.of("positive", "neutral", "negative");
    static final List<String> PARTIES = List.of("rep", "customer");

    static final String SYSTEM = """
            You summarise one recorded business phone call between a rep and a customer. The transcript lines \
            are numbered [n]; every "utterance" you return is such a number. Return: call_type; abstract (two to \
            four sentences); the customer's overall sentiment; priority of the follow-up; objections the customer \
            raised (kind in one or two lower-case words such as price, timing, competitor, need, and how the rep \
            handled it, empty when not handled); questions asked (asker, a one-word topic, the answer given or \
            empty); decisions stated; action items (owner is who committed: rep or customer; what is a short \
            verb phrase; due exactly as said, such as "friday" or "next week", empty when no time was said). \
            Personal data appears masked as [phone], [email] or [card]; keep it masked. Reply with JSON only.""";

    private static final JsonSchema SCHEMA = JsonSchema.builder()
            .name(SCHEMA_NAME)
            .rootElement(JsonObjectSchema.builder()
                    .addEnumProperty("call_type", TYPES)
                    .addStringProperty("abstract")
                    .addEnumProperty("sentiment", SENTIMENTS)
                    .addEnumProperty("priority", PRIORITIES)
                    .addProperty("objections", array(JsonObjectSchema.builder()
                            .addIntegerProperty("utterance").addStringProperty("kind").addStringProperty("handling")
                            .required("utterance", "kind", "handling")))
                    .addProperty("questions", array(JsonObjectSchema.builder()
                            .addIntegerProperty("utterance").addEnumProperty("asker", PARTIES)
                            .addStringProperty("topic").addStringProperty("answer")
                            .required("utterance", "asker", "topic", "answer")))
                    .addProperty("decisions", array(JsonObjectSchema.builder()
                            .addIntegerProperty("utterance").addStringProperty("text")
                            .required("utterance", "text")))
                    .addProperty("action_items", array(JsonObjectSchema.builder()
                            .addIntegerProperty("utterance").addEnumProperty("owner", PARTIES)
                            .addStringProperty("what").addStringProperty("due")
                            .required("utterance", "owner", "what", "due")))
                    .required("call_type", "abstract", "sentiment", "priority", "objections", "questions",
                            "decisions", "action_items")
                    .additionalProperties(false)
                    .build())
            .build();

    private SummaryPrompt() {
    }

    static JsonSchema schema() {
        return SCHEMA;
    }

    /** The user message: the call's date (due phrases are relative to it) and the numbered, masked transcript. */
    static String user(List<Utterance> transcript, LocalDate callDate) {
        StringBuilder out = new StringBuilder("Call date: ").append(callDate).append(" (")
                .append(callDate.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(")\n")
                .append("Transcript:\n");
        for (int i = 0; i < transcript.size(); i++) {
            Utterance u = transcript.get(i);
            out.append('[').append(i).append("] ").append(u.byCustomer() ? "customer" : "rep").append(": ")
                    .append(u.text().strip()).append('\n');
        }
        return out.toString();
    }

    private static JsonArraySchema array(JsonObjectSchema.Builder item) {
        return JsonArraySchema.builder().items(item.additionalProperties(false).build()).build();
    }
}
