package io.earpiece.summary;

import java.util.List;
import java.util.Map;

/**
 * Rates follow-up priority: urgency and outage words weigh most (the customer's fully, the rep's half, since a
 * rep escalating also signals urgency), then objections and a customer who ends the call unhappy; a call with
 * nothing to follow up is low.
 */
public final class PriorityRater {
    private static final Lexicon URGENCY = new Lexicon(Map.ofEntries(
            Map.entry("urgent", 2.0), Map.entry("urgently", 2.0), Map.entry("asap", 2.0),
            Map.entry("as soon as possible", 2.0), Map.entry("immediately", 2.0), Map.entry("critical", 2.0),
            Map.entry("emergency", 2.5), Map.entry("outage", 2.0), Map.entry("outages", 2.0),
            Map.entry("is down", 2.0), Map.entry("are down", 2.0), Map.entry("went down", 2.0),
            Map.entry("failing", 1.5), Map.entry("broken", 1.5), Map.entry("not working", 1.5),
            Map.entry("no longer", 1.0), Map.entry("escalate", 1.0), Map.entry("cancel", 2.0),
            Map.entry("look elsewhere", 2.0), Map.entry("frustrated", 1.0), Map.entry("charged twice", 1.5),
            Map.entry("data loss", 2.5), Map.entry("deadline", 1.0), Map.entry("right away", 1.5)));
    private static final double HIGH = 2.0;
    private static final double REP_WEIGHT = 0.5;
    private static final double NORMAL = 0.5;
    private static final double PER_OBJECTION = 0.5;
    private static final double UNHAPPY_CLOSE = 1.0;
    private static final double UNHAPPY_BELOW = -0.3;

    public Priority rate(List<Utterance> transcript, Sentiment sentiment, int objections, int actionItems) {
        double points = 0;
        for (Utterance u : transcript) {
            points += URGENCY.score(Words.padded(u.text())) * (u.byCustomer() ? 1.0 : REP_WEIGHT);
        }
        points += PER_OBJECTION * objections;
        if (sentiment.closing() < UNHAPPY_BELOW) {
            points += UNHAPPY_CLOSE;
        }
        if (actionItems > 0) {
            points = Math.max(points, NORMAL);
        }
        return points >= HIGH ? Priority.HIGH : points >= NORMAL ? Priority.NORMAL : Priority.LOW;
    }
}
