package io.earpiece.summary;

import java.time.LocalDate;
import java.util.List;

/** The structured after-call summary of one call, built by {@link CallSummarizer}. */
public record CallSummary(LocalDate callDate, CallType type, List<String> keySentences, Sentiment sentiment,
                          Priority priority, List<Objection> objections, List<Question> questions,
                          List<Decision> decisions, List<ActionItem> actionItems) {
    public CallSummary {
        keySentences = List.copyOf(keySentences);
        objections = List.copyOf(objections);
        questions = List.copyOf(questions);
        decisions = List.copyOf(decisions);
        actionItems = List.copyOf(actionItems);
    }

    /** The short abstract: the key sentences joined in call order. */
    public String abstractText() {
        return String.join(" ", keySentences);
    }
}
