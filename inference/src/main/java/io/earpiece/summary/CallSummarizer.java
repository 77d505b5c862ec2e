package io.earpiece.summary;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.Speakers;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.names.PartyNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline after-call summarizer: turns the final transcript and the assist engine's events into a
 * {@link CallSummary} without any model call, so a summary is ready within milliseconds of hang-up. Stateless
 * and thread-safe apart from the date resolver's internal lock.
 */
public final class CallSummarizer {
    private final CallTypeClassifier types;
    private final KeySentenceExtractor keySentences;
    private final SentimentTimeline sentiment;
    private final PriorityRater priority;
    private final DueDateResolver dueResolver;

    public CallSummarizer(CallTypeClassifier types, KeySentenceExtractor keySentences, SentimentTimeline sentiment,
                          PriorityRater priority, DueDateResolver dueResolver) {
        this.types = types;
        this.keySentences = keySentences;
        this.sentiment = sentiment;
        this.priority = priority;
        this.dueResolver = dueResolver;
    }

    /** The summarizer with its default lexicons. */
    public CallSummarizer() {
        this(new CallTypeClassifier(), new KeySentenceExtractor(), new SentimentTimeline(new SentimentScorer()),
                new PriorityRater(), new DueDateResolver());
    }

    /**
     * Summarizes one call. {@code events} refer to utterances by their index in {@code transcript}; due
     * phrases are resolved against {@code callDate}.
     */
    public CallSummary summarize(List<Utterance> transcript, List<AssistEvent> events, LocalDate callDate) {
        return summarize(transcript, events, callDate, PartyNames.NONE);
    }

    /** {@link #summarize(List, List, LocalDate)} with the abstract naming the parties by {@code names}. */
    public CallSummary summarize(List<Utterance> transcript, List<AssistEvent> events, LocalDate callDate,
                                 PartyNames names) {
        List<Objection> objections = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<ActionItem> actions = new ArrayList<>();
        Set<Integer> questionUtterances = new HashSet<>();
        for (AssistEvent e : events) {
            if (e.utterance() < 0 || e.utterance() >= transcript.size()) {
                continue;
            }
            Utterance u = transcript.get(e.utterance());
            switch (e.family()) {
                case "objection" -> objections.add(new Objection(e.utterance(), suffix(e.tag()), u.text(),
                        nextBy(transcript, e.utterance(), "rep"), Speakers.named(u.speaker())));
                case "question" -> {
                    if (questionUtterances.add(e.utterance())) {
                        questions.add(question(transcript, e.utterance(), suffix(e.tag())));
                    }
                }
                case "decision" -> decisions.add(new Decision(e.utterance(), u.speaker(), u.text()));
                case "action" -> actions.add(action(e, callDate));
                default -> { }
            }
        }
        for (int i = 0; i < transcript.size(); i++) {
            if (transcript.get(i).text().strip().endsWith("?") && questionUtterances.add(i)) {
                questions.add(question(transcript, i, "other"));
            }
        }
        questions.sort((a, b) -> Integer.compare(a.utterance(), b.utterance()));
        Sentiment mood = sentiment.build(transcript);
        return new CallSummary(callDate, types.classify(transcript, events), keySentences.extract(transcript, events, names),
                mood, priority.rate(transcript, mood, objections.size(), actions.size()), objections, questions,
                decisions, actions);
    }

    private ActionItem action(AssistEvent e, LocalDate callDate) {
        Map<String, String> d = e.details();
        String[] parts = e.tag().split(":", 4);
        String owner = d.getOrDefault("owner", parts.length > 1 ? parts[1] : "rep");
        String what = d.getOrDefault("what", parts.length > 2 ? parts[2] : "");
        String due = d.getOrDefault("due", parts.length > 3 ? parts[3] : "");
        LocalDate date = d.containsKey("due_date") ? LocalDate.parse(d.get("due_date"))
                : due.isBlank() ? null : dueResolver.resolve(due, callDate).orElse(null);
        return new ActionItem(e.utterance(), owner, what, due, date);
    }

    private static Question question(List<Utterance> transcript, int index, String topic) {
        Utterance u = transcript.get(index);
        String answerer = u.byCustomer() ? "rep" : "customer";
        return new Question(index, Speakers.named(u.speaker()), topic, u.text(),
                nextBy(transcript, index, answerer));
    }

    private static String nextBy(List<Utterance> transcript, int after, String who) {
        for (int i = after + 1; i < transcript.size(); i++) {
            Utterance u = transcript.get(i);
            if (who.equals("rep") != u.byCustomer()) {
                return u.text();
            }
        }
        return null;
    }

    private static String suffix(String tag) {
        int colon = tag.indexOf(':');
        return colon < 0 ? "other" : tag.substring(colon + 1);
    }
}
