package io.earpiece.summary.llm;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.earpiece.assist.Speakers;
import io.earpiece.names.PartyNames;
import io.earpiece.summary.CallType;
import io.earpiece.summary.Priority;
import io.earpiece.summary.Utterance;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    /** The parties every call has, whoever spoke. */
    private static final List<String> BASE_PARTIES = List.of("rep", "customer");

    static final String SYSTEM = """
            You summarise one recorded business phone call between a rep and a customer. The transcript lines \
            are numbered [n] and labelled with who spoke; further people on the call are labelled customer-2, \
            rep-2 and so on: name each person by that label wherever you return an asker or owner. Where the \
            message gives people's names, call them by name in the abstract ("Dana asked about ..."). Every \
            "utterance" you return is such a number. Return: call_type; abstract (two to four sentences); the \
            customers' overall sentiment; priority of the follow-up; objections a customer raised (kind in one \
            or two lower-case words such as price, timing, competitor, need, and how the rep handled it, empty \
            when not handled); questions asked (asker, a one-word topic, the answer given or empty); decisions \
            stated; action items (owner is who committed, by label; what is a short verb phrase; due exactly as \
            said, such as "friday" or "next week", empty when no time was said). Personal data appears masked \
            as [phone], [email] or [card]; keep it masked. Reply with JSON only.""";

    /**
     * The parties the answer may name as asker or owner: rep and customer, and each further party that speaks in
     * {@code transcript} as the offline summary names it ({@link Speakers#named}: "customer-2").
     */
    static List<String> parties(List<Utterance> transcript) {
        Set<String> parties = new LinkedHashSet<>(BASE_PARTIES);
        transcript.forEach(u -> parties.add(Speakers.named(u.speaker())));
        return List.copyOf(parties);
    }

    /** The answer's schema, its asker and owner limited to {@code parties}. */
    static JsonSchema schema(List<String> parties) {
        return JsonSchema.builder()
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
                                .addIntegerProperty("utterance").addEnumProperty("asker", parties)
                                .addStringProperty("topic").addStringProperty("answer")
                                .required("utterance", "asker", "topic", "answer")))
                        .addProperty("decisions", array(JsonObjectSchema.builder()
                                .addIntegerProperty("utterance").addStringProperty("text")
                                .required("utterance", "text")))
                        .addProperty("action_items", array(JsonObjectSchema.builder()
                                .addIntegerProperty("utterance").addEnumProperty("owner", parties)
                                .addStringProperty("what").addStringProperty("due")
                                .required("utterance", "owner", "what", "due")))
                        .required("call_type", "abstract", "sentiment", "priority", "objections", "questions",
                                "decisions", "action_items")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    private SummaryPrompt() {
    }

    /**
     * The user message: the call's date (due phrases are relative to it), the names of the parties that have one,
     * and the numbered, masked transcript.
     */
    static String user(List<Utterance> transcript, LocalDate callDate, PartyNames names) {
        StringBuilder out = new StringBuilder("Call date: ").append(callDate).append(" (")
                .append(callDate.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(")\n");
        List<String> named = parties(transcript).stream().filter(names::named)
                .map(p -> p + " is " + names.display(p)).toList();
        if (!named.isEmpty()) {
            out.append("Names: ").append(String.join("; ", named)).append('\n');
        }
        out.append("Transcript:\n");
        for (int i = 0; i < transcript.size(); i++) {
            Utterance u = transcript.get(i);
            out.append('[').append(i).append("] ").append(Speakers.named(u.speaker())).append(": ")
                    .append(u.text().strip()).append('\n');
        }
        return out.toString();
    }

    private static JsonArraySchema array(JsonObjectSchema.Builder item) {
        return JsonArraySchema.builder().items(item.additionalProperties(false).build()).build();
    }
}
