package io.earpiece.summary.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.assist.Speakers;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.llm.FallbackReason;
import io.earpiece.assist.llm.LlmUnavailableException;
import io.earpiece.summary.ActionItem;
import io.earpiece.summary.CallSummary;
import io.earpiece.summary.CallType;
import io.earpiece.summary.Decision;
import io.earpiece.summary.Objection;
import io.earpiece.summary.Priority;
import io.earpiece.summary.Question;
import io.earpiece.summary.Sentiment;
import io.earpiece.summary.Utterance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the model's summary answer and turns it into a {@link CallSummary}. Servers without strict structured
 * output can stray from the schema, so nothing is trusted: an unknown enum value, a missing field, an utterance
 * number outside the transcript or a due phrase that does not resolve to a date rejects the whole answer.
 */
final class SummaryAnswerReader {
    // Bounds that keep a runaway answer out of the stored columns (topic 64, texts 8000, rendered text 16000).
    private static final int MAX_SHORT = 200;
    private static final int MAX_LABEL = 40;
    private static final int MAX_TEXT = 500;
    private static final int MAX_ABSTRACT = 2000;
    private static final int MAX_ITEMS = 25;

    private final DueDateResolver dueResolver;

    SummaryAnswerReader(DueDateResolver dueResolver) {
        this.dueResolver = dueResolver;
    }

    /**
     * The summary the answer describes. Sentiment scores and the time line come from {@code measured} (the
     * lexicon scorer's per-utterance values); the label is the model's.
     */
    CallSummary read(JsonNode answer, List<Utterance> transcript, Sentiment measured, LocalDate callDate)
            throws LlmUnavailableException {
        List<String> parties = SummaryPrompt.parties(transcript);
        CallType type = CallType.valueOf(oneOf(answer, "call_type", SummaryPrompt.TYPES).toUpperCase(Locale.ROOT));
        String abstractText = text(answer, "abstract", MAX_ABSTRACT, false);
        String label = oneOf(answer, "sentiment", SummaryPrompt.SENTIMENTS);
        Priority priority = Priority.valueOf(oneOf(answer, "priority", SummaryPrompt.PRIORITIES)
                .toUpperCase(Locale.ROOT));
        List<Objection> objections = list(answer, "objections", o -> {
            int at = utterance(o, transcript);
            // who raised it is whoever said that line, named as the offline summary names them ("customer-2")
            return new Objection(at, word(o, "kind"), transcript.get(at).text(),
                    blankToNull(text(o, "handling", MAX_TEXT, true)), Speakers.named(transcript.get(at).speaker()));
        });
        List<Question> questions = list(answer, "questions", q -> {
            int at = utterance(q, transcript);
            String topic = text(q, "topic", MAX_LABEL, true);
            return new Question(at, oneOf(q, "asker", parties),
                    topic.isEmpty() ? "other" : topic.toLowerCase(Locale.ROOT), transcript.get(at).text(),
                    blankToNull(text(q, "answer", MAX_TEXT, true)));
        });
        List<Decision> decisions = list(answer, "decisions", d -> {
            int at = utterance(d, transcript);
            return new Decision(at, transcript.get(at).speaker(), text(d, "text", MAX_TEXT, false));
        });
        List<ActionItem> actions = list(answer, "action_items", a -> {
            int at = utterance(a, transcript);
            String due = text(a, "due", MAX_SHORT, true).toLowerCase(Locale.ROOT);
            LocalDate date = null;
            if (!due.isEmpty()) {
                date = dueResolver.resolve(due, callDate).orElseThrow(() -> new LlmUnavailableException(
                        FallbackReason.MALFORMED, "due '" + due + "' is not a date"));
            }
            return new ActionItem(at, oneOf(a, "owner", parties), text(a, "what", MAX_SHORT, false),
                    due, date);
        });
        Sentiment sentiment = new Sentiment(measured.overall(), measured.opening(), measured.closing(), label,
                measured.timeline());
        return new CallSummary(callDate, type, List.of(abstractText), sentiment, priority, objections, questions,
                decisions, actions);
    }

    /** One element of an array field, or a reason to reject the answer. */
    private interface Item<T> {
        T read(JsonNode node) throws LlmUnavailableException;
    }

    private static <T> List<T> list(JsonNode answer, String field, Item<T> item) throws LlmUnavailableException {
        JsonNode array = answer.get(field);
        if (array == null || !array.isArray()) {
            throw invalid("no " + field + " array");
        }
        if (array.size() > MAX_ITEMS) {
            throw invalid(field + " has " + array.size() + " entries, more than " + MAX_ITEMS);
        }
        List<T> out = new ArrayList<>();
        for (JsonNode node : array) {
            if (!node.isObject()) {
                throw invalid(field + " holds a non-object");
            }
            out.add(item.read(node));
        }
        return out;
    }

    private static int utterance(JsonNode node, List<Utterance> transcript) throws LlmUnavailableException {
        JsonNode n = node.get("utterance");
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw invalid("utterance is not a number");
        }
        int at = n.intValue();
        if (at < 0 || at >= transcript.size()) {
            throw invalid("utterance " + at + " is not in the transcript");
        }
        return at;
    }

    private static String oneOf(JsonNode node, String field, List<String> allowed) throws LlmUnavailableException {
        String value = text(node, field, MAX_SHORT, false).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw invalid(field + " '" + value + "' is not one of " + allowed);
        }
        return value;
    }

    /** A one- or two-word label: lower case, no separators the stored forms use. */
    private static String word(JsonNode node, String field) throws LlmUnavailableException {
        String value = text(node, field, MAX_LABEL, false).toLowerCase(Locale.ROOT);
        if (value.contains(":") || value.contains(";")) {
            throw invalid(field + " '" + value + "' is not a label");
        }
        return value;
    }

    private static String text(JsonNode node, String field, int max, boolean mayBeEmpty)
            throws LlmUnavailableException {
        JsonNode n = node.get(field);
        if (n == null || !n.isTextual()) {
            throw invalid("missing " + field);
        }
        String value = n.asText().strip();
        if (value.isEmpty() && !mayBeEmpty || value.length() > max) {
            throw invalid(field + (value.isEmpty() ? " is empty" : " is longer than " + max + " characters"));
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static LlmUnavailableException invalid(String why) {
        return new LlmUnavailableException(FallbackReason.MALFORMED, why);
    }
}
