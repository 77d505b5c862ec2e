package io.earpiece.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.earpiece.assist.AssistEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallSummarizerTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2025, 3, 12);
    private final CallSummarizer summarizer = new CallSummarizer();

    private static final List<Utterance> CALL = List.of(
            new Utterance("rep", 0, 3, "Hello, thanks for taking the call about the new plan."),
            new Utterance("customer", 3, 6, "The price is far too expensive for a team our size."),
            new Utterance("rep", 6, 9, "I can offer a smaller package that fits your budget."),
            new Utterance("customer", 9, 12, "Does it include the reporting module?"),
            new Utterance("rep", 12, 15, "Yes it does. I will send the revised quote by Friday."),
            new Utterance("customer", 15, 18, "Great, we decided to go ahead with the smaller package."));
    private static final List<AssistEvent> EVENTS = List.of(
            new AssistEvent(1, "objection:price", Map.of()),
            new AssistEvent(4, "action:rep:send the revised quote:friday",
                    Map.of("owner", "rep", "what", "send the revised quote", "due", "friday")),
            new AssistEvent(5, "decision", Map.of()));

    @Test
    void collectsStructuredFieldsFromEvents() {
        CallSummary s = summarizer.summarize(CALL, EVENTS, WEDNESDAY);

        assertThat(s.objections()).containsExactly(new Objection(1, "price", CALL.get(1).text(), CALL.get(2).text()));
        assertThat(s.decisions()).extracting(Decision::utterance).containsExactly(5);
        assertThat(s.actionItems()).containsExactly(new ActionItem(4, "rep", "send the revised quote", "friday",
                LocalDate.of(2025, 3, 14)));
        assertThat(s.questions()).singleElement().satisfies(q -> {
            assertThat(q.asker()).isEqualTo("customer");
            assertThat(q.topic()).isEqualTo("other");
            assertThat(q.answer()).isEqualTo(CALL.get(4).text());
        });
        assertThat(s.type()).isEqualTo(CallType.SALES);
    }

    @Test
    void dueDateIsResolvedWhenTheEventCarriesOnlyThePhrase() {
        CallSummary s = summarizer.summarize(CALL, EVENTS, LocalDate.of(2025, 3, 15));

        assertThat(s.actionItems().get(0).dueDate()).isEqualTo(LocalDate.of(2025, 3, 21));
    }

    @Test
    void abstractHasTwoOrThreeSentencesInCallOrderAndFavoursEvents() {
        CallSummary s = summarizer.summarize(CALL, EVENTS, WEDNESDAY);

        assertThat(s.keySentences()).hasSizeBetween(2, 3);
        assertThat(s.abstractText()).contains("decided to go ahead");
        List<Integer> positions = s.keySentences().stream()
                .map(k -> s.abstractText().indexOf(k)).toList();
        assertThat(positions).isSorted();
        assertThat(s.keySentences()).noneMatch(k -> k.contains("Hello"));
    }

    @Test
    void sentimentTimelineFollowsCustomerOnly() {
        CallSummary s = summarizer.summarize(CALL, EVENTS, WEDNESDAY);

        assertThat(s.sentiment().timeline()).extracting(SentimentPoint::utterance).containsExactly(1, 3, 5);
        assertThat(s.sentiment().opening()).isNegative();
        assertThat(s.sentiment().closing()).isPositive();
        assertThat(s.sentiment().trend()).isPositive();
    }

    @Test
    void outageCallIsSupportAndHighPriority() {
        List<Utterance> call = List.of(
                new Utterance("customer", 0, 3, "Our dashboard is down and the sync keeps failing with an error."),
                new Utterance("rep", 3, 6, "Sorry to hear that, I will escalate a ticket right now."),
                new Utterance("customer", 6, 9, "Please, this is urgent, my team is frustrated."));

        CallSummary s = summarizer.summarize(call, List.of(), WEDNESDAY);

        assertThat(s.type()).isEqualTo(CallType.SUPPORT);
        assertThat(s.priority()).isEqualTo(Priority.HIGH);
        assertThat(s.sentiment().label()).isEqualTo("negative");
    }

    @Test
    void groupCallWithDecisionIsMeetingAndQuietCallIsLowPriority() {
        List<Utterance> call = List.of(
                new Utterance("rep", 0, 3, "Welcome everyone to the kickoff, here is the agenda."),
                new Utterance("customer", 3, 6, "We agreed on the rollout timeline last week."));

        CallSummary s = summarizer.summarize(call, List.of(new AssistEvent(1, "decision", Map.of())), WEDNESDAY);

        assertThat(s.type()).isEqualTo(CallType.MEETING);
        assertThat(s.priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void eventsPointingOutsideTheTranscriptAreIgnored() {
        CallSummary s = summarizer.summarize(CALL, List.of(new AssistEvent(99, "decision", Map.of())), WEDNESDAY);

        assertThat(s.decisions()).isEmpty();
    }

    @Test
    void rendersPlainText() {
        String text = new SummaryTextRenderer().render(summarizer.summarize(CALL, EVENTS, WEDNESDAY));

        assertThat(text).contains("Call type: sales").contains("[rep] send the revised quote (due 2025-03-14)")
                .contains("price: The price is far too expensive");
    }

    @Test
    void partiesWithNamesAreCalledByThemInTheAbstractAndText() {
        io.earpiece.names.PartyNames names = new io.earpiece.names.PartyNames(
                Map.of("rep", "Sam Okafor", "customer", "Dana"));
        CallSummary s = summarizer.summarize(CALL, EVENTS, WEDNESDAY, names);

        assertThat(s.abstractText()).contains("Dana: ").doesNotContain("Customer: ", "Rep: ");
        assertThat(s.questions()).extracting(Question::asker).containsExactly("customer");
        String text = new SummaryTextRenderer().render(s, names);
        assertThat(text).contains("- Dana asked: Does it include the reporting module?",
                "[Sam Okafor] send the revised quote", "- price (Dana): The price is far too expensive");
        // without names the summary reads as before
        assertThat(new SummaryTextRenderer().render(summarizer.summarize(CALL, EVENTS, WEDNESDAY)))
                .contains("- customer: Does it include", "[rep] send the revised quote", "- price: The price");
    }

    @Test
    void aSecondCallerIsNamedInTheSummary() {
        io.earpiece.assist.CallAnalysis live = new io.earpiece.assist.AssistEngine(
                new io.earpiece.assist.playbook.PlaybookLoader().loadDefault()).startCall(WEDNESDAY);
        List<Utterance> call = ThreePartyCall.UTTERANCES;
        for (int i = 0; i < call.size(); i++) {
            Utterance u = call.get(i);
            live.onSegment(i, u.speaker(), u.startS(), u.endS(), u.text());
        }
        CallSummary s = summarizer.summarize(call, live.events(), WEDNESDAY);

        assertThat(s.objections()).filteredOn(o -> o.kind().equals("price")).singleElement().satisfies(o -> {
            assertThat(o.by()).isEqualTo("customer-2");
            assertThat(o.response()).isEqualTo(call.get(3).text());
        });
        assertThat(s.questions()).extracting(Question::asker).containsExactly("customer-2");
        assertThat(s.actionItems()).extracting(ActionItem::owner).containsExactly("customer-2");
        assertThat(s.sentiment().timeline()).as("every customer's mood").extracting(SentimentPoint::utterance)
                .contains(1, 2, 4, 6);
        String text = new SummaryTextRenderer().render(s);
        assertThat(text).contains("- price (customer-2): ", "- customer-2: Does it include", "- [customer-2] ");
    }

    @Test
    void keySentencesNameFurtherParties() {
        List<Utterance> call = List.of(
                new Utterance("rep-2", 0, 4, "I am joining from the onboarding team to walk you through the setup."),
                new Utterance("customer-2", 4, 8, "We decided to go ahead with the onboarding package next month."));
        CallSummary s = summarizer.summarize(call, List.of(new AssistEvent(1, "decision", Map.of())), WEDNESDAY);
        assertThat(s.keySentences()).anyMatch(k -> k.startsWith("Customer 2: We decided"));
        assertThat(s.keySentences()).allMatch(k -> k.startsWith("Rep 2: ") || k.startsWith("Customer 2: "));
    }
}
