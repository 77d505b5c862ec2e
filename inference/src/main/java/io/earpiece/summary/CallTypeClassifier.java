package io.earpiece.summary;

import io.earpiece.assist.AssistEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tells sales, support and meeting calls apart from what was said and what the assist engine detected:
 * support calls are about something that does not work, meetings address a group and settle plans, sales calls
 * carry objections, buying signals and commercial words. Ties go to sales, the most common kind.
 */
public final class CallTypeClassifier {
    private static final Lexicon SUPPORT = new Lexicon(Map.ofEntries(
            Map.entry("error", 1.5), Map.entry("errors", 1.5), Map.entry("failing", 1.5), Map.entry("failed", 1.0),
            Map.entry("fails", 1.5), Map.entry("broken", 1.5), Map.entry("breaks", 0.5), Map.entry("outage", 2.0),
            Map.entry("outages", 2.0), Map.entry("not working", 2.0), Map.entry("stopped working", 2.0),
            Map.entry("no longer", 1.5), Map.entry("doesn't work", 2.0), Map.entry("does not work", 2.0),
            Map.entry("bug", 1.5), Map.entry("crash", 1.5), Map.entry("crashes", 1.5), Map.entry("ticket", 1.5),
            Map.entry("support", 1.0), Map.entry("help desk", 2.0), Map.entry("helpdesk", 2.0),
            Map.entry("reset", 1.0), Map.entry("password", 1.0), Map.entry("locked out", 2.0),
            Map.entry("declined", 1.5), Map.entry("charged", 1.5), Map.entry("refund", 1.5),
            Map.entry("dispute", 1.5), Map.entry("billing", 1.0), Map.entry("verification", 1.0),
            Map.entry("frustrated", 1.5), Map.entry("sorry to hear", 1.5), Map.entry("i am sorry", 1.0),
            Map.entry("i'm sorry", 1.0), Map.entry("sorry about that", 1.5), Map.entry("expired", 1.0),
            Map.entry("revoked", 1.0), Map.entry("reconnect", 1.0), Map.entry("workaround", 1.5),
            Map.entry("escalate", 1.0), Map.entry("troubleshoot", 1.5), Map.entry("fix", 1.0),
            Map.entry("issue", 1.0), Map.entry("problem", 1.0), Map.entry("rolled back", 1.0)));
    private static final Lexicon SALES = new Lexicon(Map.ofEntries(
            Map.entry("price", 1.5), Map.entry("pricing", 1.5), Map.entry("discount", 1.5),
            Map.entry("proposal", 1.5), Map.entry("quote", 1.5), Map.entry("contract", 1.0),
            Map.entry("renewal", 1.5), Map.entry("demo", 1.5), Map.entry("trial", 1.5), Map.entry("pilot", 1.5),
            Map.entry("evaluation", 1.5), Map.entry("evaluating", 1.5), Map.entry("budget", 1.5),
            Map.entry("offer", 1.0), Map.entry("seats", 1.0), Map.entry("license", 1.0),
            Map.entry("licenses", 1.0), Map.entry("purchase", 1.5), Map.entry("buy", 1.0),
            Map.entry("roi", 1.5), Map.entry("annual plan", 1.0), Map.entry("order form", 0.5),
            Map.entry("per year", 1.0), Map.entry("per month", 1.0), Map.entry("competitor", 1.0)));
    private static final Lexicon MEETING = new Lexicon(Map.ofEntries(
            Map.entry("everyone", 2.5), Map.entry("hi all", 2.5), Map.entry("hello all", 2.5),
            Map.entry("everybody", 2.5), Map.entry("meeting", 1.5), Map.entry("session", 1.5),
            Map.entry("agenda", 2.0), Map.entry("kickoff", 2.0), Map.entry("kick off", 2.0),
            Map.entry("minutes", 0.5), Map.entry("recap", 1.5), Map.entry("stand up", 1.5),
            Map.entry("standup", 1.5), Map.entry("sync", 0.5), Map.entry("the plan", 1.5),
            Map.entry("rollout", 1.5), Map.entry("timeline", 1.0), Map.entry("milestone", 1.5),
            Map.entry("training", 0.5), Map.entry("onboarding", 0.5), Map.entry("welcome", 1.0),
            Map.entry("the team", 0.5), Map.entry("decision is made", 1.5), Map.entry("we agreed", 1.5)));
    // Detected events weigh in besides words: a customer pushing back or leaning in is what a sales call is.
    private static final double OBJECTION = 1.5;
    private static final double BUYING_SIGNAL = 1.5;
    private static final double NEXT_STEP = 1.0;
    private static final double DECISION = 1.0;

    /** Scores for each type; the highest wins. */
    public Map<CallType, Double> scores(List<Utterance> transcript, List<AssistEvent> events) {
        Map<CallType, Double> scores = new EnumMap<>(CallType.class);
        for (CallType t : CallType.values()) {
            scores.put(t, 0.0);
        }
        for (Utterance u : transcript) {
            String text = Words.padded(u.text());
            scores.merge(CallType.SUPPORT, SUPPORT.score(text), Double::sum);
            scores.merge(CallType.SALES, SALES.score(text), Double::sum);
            scores.merge(CallType.MEETING, MEETING.score(text), Double::sum);
        }
        for (AssistEvent e : events) {
            switch (e.family()) {
                case "objection" -> scores.merge(CallType.SALES, OBJECTION, Double::sum);
                case "buying_signal" -> scores.merge(CallType.SALES, BUYING_SIGNAL, Double::sum);
                case "next_step" -> scores.merge(CallType.SALES, NEXT_STEP, Double::sum);
                case "decision" -> scores.merge(CallType.MEETING, DECISION, Double::sum);
                default -> { }
            }
        }
        return scores;
    }

    public CallType classify(List<Utterance> transcript, List<AssistEvent> events) {
        Map<CallType, Double> scores = scores(transcript, events);
        CallType best = CallType.SALES;
        for (CallType t : CallType.values()) {
            if (scores.get(t) > scores.get(best)) {
                best = t;
            }
        }
        return best;
    }
}
