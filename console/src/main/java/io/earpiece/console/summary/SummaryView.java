package io.earpiece.console.summary;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The summary API's JSON shape; {@code engine} is "offline" or "llm:PROVIDER", {@code engineFallback} why the
 * offline summary was stored although a model was configured ("timeout", "unavailable", "malformed",
 * "over_budget"; null otherwise).
 */
public record SummaryView(String callId, LocalDate callDate, String type, String priority, String abstractText,
                          Sentiment sentiment, List<ObjectionView> objections, List<QuestionView> questions,
                          List<DecisionView> decisions, List<ActionItemView> actionItems, String text,
                          String engine, String engineFallback, Instant createdAt) {

    /** Customer sentiment: mean, opening and closing thirds, label and per-utterance points. */
    public record Sentiment(String label, double overall, double opening, double closing, List<Point> timeline) {
    }

    /** One customer utterance's sentiment at a time in seconds. */
    public record Point(int utterance, double startS, double score) {
    }

    /**
     * An objection, how the rep answered it (null when not answered) and who raised it ({@code by}: "customer", or a
     * further party such as "customer-2").
     */
    public record ObjectionView(int utterance, String kind, String said, String response, boolean answered,
                                String by) {
    }

    /** A question, who asked it, its topic and the answer given (null when none). */
    public record QuestionView(int utterance, String asker, String topic, String text, String answer) {
    }

    /** A decision and who stated it. */
    public record DecisionView(int utterance, String speaker, String text) {
    }

    /**
     * An action item: owner, what, due as said and as a date (null when unresolved); {@code seq} addresses it in
     * {@code PUT /api/calls/{id}/action-items/{seq}}, {@code doneAt}/{@code doneBy} say who ticked it off (null
     * while open), {@code assignee} the user a routing rule gave it to (null when none did).
     */
    public record ActionItemView(int seq, int utterance, String owner, String what, String due, LocalDate dueDate,
                                 Instant doneAt, String doneBy, String assignee) {

        @JsonProperty("done")
        public boolean done() {
            return doneAt != null;
        }
    }
}
