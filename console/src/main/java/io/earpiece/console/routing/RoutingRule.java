package io.earpiece.console.routing;

import java.util.List;

/**
 * One routing rule of a team: when a call's summary meets every condition given in {@code when}, each recipient in
 * {@code recipients} gets a message saying why, and the call's action items go to {@code assignActionItemsTo} (a
 * username) when set. {@code escalation} marks the message as an escalation (its reason shown first). Stored and
 * exchanged as JSON in this shape; missing lists read as empty.
 */
public record RoutingRule(String name, boolean escalation, When when, List<Recipient> recipients,
                          String assignActionItemsTo) {

    public RoutingRule {
        when = when == null ? new When(null, null, null, null, null) : when;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /**
     * The conditions, all of which must hold (a list holds when any of its values does); an empty list or null
     * is no condition.
     *
     * @param callTypes      the summary's call type is one of these (sales, support, meeting)
     * @param minPriority    the summary's priority is at least this (low, normal, high)
     * @param sentiments     the customer's overall sentiment is one of these (positive, neutral, negative)
     * @param objectionKinds the summary holds an objection of any of these kinds (price, timing, …)
     * @param phrases        someone said any of these, compared without case and punctuation, whole words
     */
    public record When(List<String> callTypes, String minPriority, List<String> sentiments,
                       List<String> objectionKinds, List<String> phrases) {
        public When {
            callTypes = callTypes == null ? List.of() : List.copyOf(callTypes);
            sentiments = sentiments == null ? List.of() : List.copyOf(sentiments);
            objectionKinds = objectionKinds == null ? List.of() : List.copyOf(objectionKinds);
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
        }

        boolean isEmpty() {
            return callTypes.isEmpty() && (minPriority == null || minPriority.isBlank()) && sentiments.isEmpty()
                    && objectionKinds.isEmpty() && phrases.isEmpty();
        }
    }

    /**
     * One recipient: {@code kind} "email" (address in {@code to}), "team-lead" (the team's managers, at their
     * e-mail addresses), "slack" (an incoming-webhook {@code url}) or "webhook" (a signed POST to {@code url}).
     */
    public record Recipient(String kind, String to, String url) {
    }
}
