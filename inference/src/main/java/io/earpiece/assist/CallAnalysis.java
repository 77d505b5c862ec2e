package io.earpiece.assist;

import io.earpiece.assist.action.Commitment;
import io.earpiece.assist.action.CommitmentFinder;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.action.DuePhrase;
import io.earpiece.assist.action.DuePhraseFinder;
import io.earpiece.assist.card.CardPlanner;
import io.earpiece.assist.coaching.CoachingStats;
import io.earpiece.assist.coaching.CoachingTracker;
import io.earpiece.assist.coaching.MonologueWatch;
import io.earpiece.assist.compliance.DisclosureDeadline;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.assist.playbook.CardTemplate;
import io.earpiece.assist.playbook.CoachingPolicy;
import io.earpiece.assist.playbook.Playbook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The assist state of one call: feed it each final transcript segment in order and it returns the tagged
 * events for that segment, and raises cards (playbook, compliance, coaching). Not thread-safe: one call,
 * one caller.
 */
public final class CallAnalysis {
    // A commitment without its own due time usually refers to one said just before ("by Friday?" "Sure, I'll...").
    private static final int DUE_CONTEXT_UTTERANCES = 2;
    private static final String DEFAULT_DUE = "today";
    private static final double DEFAULT_PACE_WINDOW_S = 60;
    private static final double DEFAULT_PACE_MIN_SPEECH_S = 20;
    // Agreeing to the rep's proposed next step is itself a buying signal, however briefly it is said.
    private static final Pattern AGREEMENT = Pattern.compile("^(yes|yeah|yep|sure|okay|ok|absolutely|definitely"
            + "|sounds (good|great|fine)|that (works|would (be|work|help))|great|perfect|i would (be|like|love)"
            + "|i'd (be|like|love)|let's do|why not|of course)\\b", Pattern.CASE_INSENSITIVE);

    private final LocalDate callDate;
    private final Playbook playbook;
    private final UtteranceTagger tagger;
    private final CommitmentFinder commitments;
    private final DuePhraseFinder dueFinder;
    private final DueDateResolver dueResolver;
    private final PiiDetector pii;
    private final CardPlanner cards;
    private final DisclosureDeadline disclosure;
    private final CoachingTracker coaching;
    private final List<SegmentDecorator.CallDecorator> decorators;
    private final List<AssistEvent> allEvents = new ArrayList<>();
    private final List<Card> allCards = new ArrayList<>();
    private Set<String> previousCustomerTags = Set.of();
    private Set<String> previousTags = Set.of();
    private String previousRole;
    private String previousText;
    private String recentDue;
    private int recentDueUtterance;

    CallAnalysis(LocalDate callDate, Playbook playbook, UtteranceTagger tagger, CommitmentFinder commitments,
                 DuePhraseFinder dueFinder, DueDateResolver dueResolver, PiiDetector pii,
                 List<SegmentDecorator.CallDecorator> decorators) {
        this.callDate = callDate;
        this.playbook = playbook;
        this.tagger = tagger;
        this.commitments = commitments;
        this.dueFinder = dueFinder;
        this.dueResolver = dueResolver;
        this.pii = pii;
        this.cards = new CardPlanner(playbook.cards());
        this.disclosure = new DisclosureDeadline(
                playbook.disclosure() == null ? Double.MAX_VALUE : playbook.disclosure().deadlineS());
        CoachingPolicy policy = playbook.coaching();
        this.coaching = new CoachingTracker(
                new MonologueWatch(policy == null || policy.monologueS() <= 0 ? Double.MAX_VALUE : policy.monologueS()),
                policy == null || policy.paceWindowS() <= 0 ? DEFAULT_PACE_WINDOW_S : policy.paceWindowS(),
                policy == null || policy.paceMinSpeechS() <= 0 ? DEFAULT_PACE_MIN_SPEECH_S : policy.paceMinSpeechS());
        this.decorators = List.copyOf(decorators);
    }

    /**
     * Analyses one final segment; speaker is the party ("rep", "customer", a further stream such as "customer-2" or
     * "rep-2", or "mixed"), tagged and coached by its role ({@link Speakers}); times are seconds from the call start.
     */
    public List<AssistEvent> onSegment(int utteranceIndex, String speaker, double startS, double endS, String text) {
        return onFinalSegment(utteranceIndex, speaker, startS, endS, text).events();
    }

    /** Like {@link #onSegment} but also returns the cards this segment raised. */
    public SegmentOutcome onFinalSegment(int utteranceIndex, String speaker, double startS, double endS,
                                         String text) {
        String who = Speakers.role(speaker);
        // The turn just before, when the other side said it: what a short reply answers ("yes, but not at that number").
        Set<String> tags = tagger.tags(who, text, previousRole != null && !previousRole.equals(who) ? previousText : null);
        previousRole = who;
        previousText = text;
        if (who.equals("customer")) {
            boolean objection = tags.stream().anyMatch(t -> t.startsWith("objection:"));
            if (previousTags.contains("next_step") && !objection && AGREEMENT.matcher(text.strip()).find()) {
                tags.add("buying_signal");
            }
            if (tags.contains("objection:competitor") && previousCustomerTags.contains("objection:competitor")) {
                // Naming the tool right after saying "we already use one" continues the same objection.
                tags.remove("objection:competitor");
            }
            previousCustomerTags = Set.copyOf(tags);
        }
        previousTags = Set.copyOf(tags);
        List<AssistEvent> events = new ArrayList<>();
        List<AssistEvent> actions = actions(utteranceIndex, Speakers.named(speaker), text);
        if (!actions.isEmpty() && who.equals("rep")) {
            // A rep who commits has moved past proposing; the commitment is the stronger label.
            tags.remove("next_step");
        }
        for (String tag : tags) {
            events.add(new AssistEvent(utteranceIndex, tag, Map.of()));
        }
        events.addAll(actions);
        if (tags.contains("compliance:recording_disclosure")) {
            disclosure.disclosed();
        }
        // Decorators may send text off the machine (a hosted LLM): they only ever see it masked.
        FinalSegment segment = new FinalSegment(utteranceIndex, who, startS, endS, pii.mask(text));
        for (SegmentDecorator.CallDecorator d : decorators) {
            events = withOffline(events, d.events(segment, List.copyOf(events)));
        }
        List<Card> raised = new ArrayList<>(cards.cardsFor(events, endS));
        if (playbook.disclosure() != null && playbook.disclosure().card() != null && disclosure.missedAt(endS)) {
            cards.show(playbook.disclosure().card(), utteranceIndex, "compliance:no_recording_disclosure", endS)
                    .ifPresent(raised::add);
        }
        raised.addAll(coachingCards(who, startS, endS, text, utteranceIndex));
        for (SegmentDecorator.CallDecorator d : decorators) {
            raised = new ArrayList<>(d.cards(segment, List.copyOf(events), List.copyOf(raised)));
        }
        allEvents.addAll(events);
        allCards.addAll(raised);
        return new SegmentOutcome(events, raised);
    }

    /**
     * The playbook cards that the committed words of a segment still being spoken would raise now, so a card can go
     * up before the sentence ends. Nothing is recorded (no event, no cool-down, no context for the next segment):
     * the segment's final, fed to {@link #onFinalSegment}, decides whether each card stands.
     *
     * @param utteranceIndex the utterance number the final will have
     * @param nowS           seconds from the call start, for cool-downs
     */
    public List<Card> preview(int utteranceIndex, String speaker, String committedText, double nowS) {
        if (committedText.isBlank()) {
            return List.of();
        }
        String who = Speakers.role(speaker);
        List<AssistEvent> events = new ArrayList<>();
        for (String tag : tagger.tags(who, committedText)) {
            events.add(new AssistEvent(utteranceIndex, tag, Map.of()));
        }
        return cards.peek(events, nowS);
    }

    private List<Card> coachingCards(String who, double startS, double endS, String text, int utteranceIndex) {
        boolean monologueTooLong = coaching.onSegment(who, startS, endS, text);
        CoachingPolicy policy = playbook.coaching();
        List<Card> out = new ArrayList<>();
        if (policy == null) {
            return out;
        }
        CoachingStats stats = coaching.snapshot();
        if (monologueTooLong) {
            nudge(policy.card(), utteranceIndex, "coaching:monologue", endS, out);
        }
        if (who.equals("rep") && policy.maxWpm() > 0 && stats.recentRepWpm() > policy.maxWpm()) {
            nudge(policy.paceCard(), utteranceIndex, "coaching:pace", endS, out);
        }
        if (policy.maxRepShare() > 0 && endS >= policy.talkMinS() && stats.repShare() > policy.maxRepShare()) {
            nudge(policy.talkCard(), utteranceIndex, "coaching:talk_ratio", endS, out);
        }
        return out;
    }

    private void nudge(CardTemplate template, int utteranceIndex, String trigger, double nowS, List<Card> out) {
        if (template != null) {
            cards.show(template, utteranceIndex, trigger, nowS).ifPresent(out::add);
        }
    }

    // A decorator may add events but never lose the offline ones, whatever it returns.
    private static List<AssistEvent> withOffline(List<AssistEvent> offline, List<AssistEvent> decorated) {
        List<AssistEvent> out = new ArrayList<>(offline);
        if (decorated != null) {
            for (AssistEvent e : decorated) {
                if (!out.contains(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Commitments said in one utterance; {@code who} is the party that owns them ("customer-2" as itself). */
    private List<AssistEvent> actions(int utteranceIndex, String who, String text) {
        List<AssistEvent> out = new ArrayList<>();
        for (Commitment c : commitments.find(text)) {
            if (c.what().isBlank()) {
                continue;
            }
            String due = c.due().map(DuePhrase::normalized).orElseGet(() ->
                    recentDue != null && utteranceIndex - recentDueUtterance <= DUE_CONTEXT_UTTERANCES
                            ? recentDue : DEFAULT_DUE);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("owner", who);
            details.put("what", c.what());
            details.put("due", due);
            dueResolver.resolve(due, callDate).ifPresent(d -> details.put("due_date", d.toString()));
            out.add(new AssistEvent(utteranceIndex, "action:" + who + ":" + c.what() + ":" + due, details));
        }
        Optional<DuePhrase> said = dueFinder.find(text);
        if (said.isPresent()) {
            recentDue = said.get().normalized();
            recentDueUtterance = utteranceIndex;
        }
        return out;
    }

    /** The text with e-mail addresses, phone and card numbers replaced by placeholders. */
    public String masked(String text) {
        return pii.mask(text);
    }

    public LocalDate callDate() {
        return callDate;
    }

    /** Every event so far, in order. */
    public List<AssistEvent> events() {
        return List.copyOf(allEvents);
    }

    /** Every card raised so far, in order. */
    public List<Card> cards() {
        return List.copyOf(allCards);
    }

    /** The rep's longest stretch so far without the customer speaking, in seconds. */
    public double longestMonologueS() {
        return coaching.snapshot().longestMonologueS();
    }

    /** Talk ratio, pace, interruptions and longest monologue so far. */
    public CoachingStats coaching() {
        return coaching.snapshot();
    }
}
