package io.earpiece.assist;

import static org.assertj.core.api.Assertions.assertThat;

import io.earpiece.assist.playbook.PlaybookLoader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallAnalysisTest {
    private AssistEngine engine;

    @BeforeAll
    void load() {
        engine = new AssistEngine(new PlaybookLoader().loadDefault());
    }

    @Test
    void objectionRaisesItsCardOnceWithinCooldown() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onFinalSegment(0, "rep", 0, 3, "Quick note, we record this call for coaching purposes.");
        SegmentOutcome first = call.onFinalSegment(1, "customer", 4, 8, "Honestly that is way too expensive for us.");
        SegmentOutcome again = call.onFinalSegment(2, "customer", 9, 12, "It is really far too pricey, it costs too much.");
        assertThat(first.events()).extracting(AssistEvent::tag).contains("objection:price");
        assertThat(first.cards()).extracting(Card::id).containsExactly("objection-price");
        assertThat(again.events()).extracting(AssistEvent::tag).contains("objection:price");
        assertThat(again.cards()).extracting(Card::id).doesNotContain("objection-price");
    }

    @Test
    void committedWordsPreviewACardWithoutStartingItsCooldown() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onFinalSegment(0, "rep", 0, 3, "Quick note, we record this call for coaching purposes.");
        // the customer is still talking: the words committed so far already object to the price
        List<Card> early = call.preview(1, "customer", "Honestly that is way too expensive for", 5.5);
        List<Card> again = call.preview(1, "customer", "Honestly that is way too expensive for", 5.6);
        SegmentOutcome confirmed = call.onFinalSegment(1, "customer", 4, 8, "Honestly that is way too expensive for us.");

        assertThat(early).extracting(Card::id).containsExactly("objection-price");
        assertThat(again).as("a preview records nothing").extracting(Card::id).containsExactly("objection-price");
        assertThat(confirmed.cards()).extracting(Card::id).containsExactly("objection-price");
        assertThat(call.preview(2, "customer", "It is really far too pricey", 9)).as("now cooling down").isEmpty();
        assertThat(call.cards()).extracting(Card::id).containsOnlyOnce("objection-price");
    }

    @Test
    void aPreviewOfWordsWithoutATriggerRaisesNothing() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        assertThat(call.preview(0, "customer", "Thanks for calling, the weather is lovely", 2)).isEmpty();
        assertThat(call.preview(0, "customer", "", 2)).isEmpty();
        assertThat(call.events()).isEmpty();
    }

    @Test
    void missingDisclosureRaisesComplianceCardAfterTenSeconds() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        SegmentOutcome early = call.onFinalSegment(0, "rep", 0, 6, "Hi there, thanks for picking up.");
        SegmentOutcome late = call.onFinalSegment(1, "customer", 7, 11, "Hello, no worries.");
        assertThat(early.cards()).isEmpty();
        assertThat(late.cards()).extracting(Card::id).containsExactly("compliance-disclosure");
    }

    @Test
    void disclosureInTimeSuppressesComplianceCard() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        List<AssistEvent> events = call.onSegment(0, "rep", 0, 5, "Before we start, this call is being recorded.");
        call.onSegment(1, "customer", 6, 12, "Fine by me.");
        assertThat(events).extracting(AssistEvent::tag).containsExactly("compliance:recording_disclosure");
        assertThat(call.cards()).extracting(Card::id).doesNotContain("compliance-disclosure");
    }

    @Test
    void longRepMonologueRaisesCoachingNudge() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onFinalSegment(0, "rep", 0, 4, "This call is recorded for training purposes.");
        call.onFinalSegment(1, "customer", 5, 7, "Okay.");
        double t = 8;
        for (int i = 2; i < 12; i++) {
            call.onFinalSegment(i, "rep", t, t + 9.5, "Let me explain how the platform handles the routing of calls.");
            t += 10;
        }
        assertThat(call.cards()).extracting(Card::id).containsOnlyOnce("coaching-monologue");
        assertThat(call.longestMonologueS()).isGreaterThan(90);
    }

    @Test
    void actionCarriesOwnerWhatAndResolvedDue() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        List<AssistEvent> events = call.onSegment(0, "customer", 0, 4,
                "Fine, I will circulate the draft contract to our lawyers on Monday.");
        AssistEvent action = events.stream().filter(e -> e.tag().startsWith("action:")).findFirst().orElseThrow();
        assertThat(action.details()).containsEntry("owner", "customer").containsEntry("due", "monday")
                .containsEntry("due_date", "2025-03-17");
        assertThat(action.details().get("what")).startsWith("circulate draft contract");
    }

    @Test
    void maskedHidesSpokenContactDetails() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        assertThat(call.masked("mail lee at northpoint dot com or ring two one two, five five five, one nine nine one"))
                .isEqualTo("mail [email] or ring [phone]");
    }

    @Test
    void furtherPartiesOfARecordedCallAreAssistedByTheirRole() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        // A colleague on a second rep stream discloses: that counts as the rep's disclosure.
        call.onFinalSegment(0, "rep-2", 0, 3, "Quick note, we record this call for coaching purposes.");
        List<Card> early = call.preview(1, "customer-2", "Honestly that is way too expensive for", 5.5);
        SegmentOutcome objection = call.onFinalSegment(1, "customer-2", 4, 8, "Honestly that is way too expensive for us.");
        List<AssistEvent> action = call.onSegment(2, "customer-2", 12, 16,
                "Fine, I will circulate the draft contract to our lawyers on Monday.");

        assertThat(early).as("a second caller's words preview cards").extracting(Card::id)
                .containsExactly("objection-price");
        assertThat(objection.events()).extracting(AssistEvent::tag).contains("objection:price");
        assertThat(objection.cards()).extracting(Card::id).containsExactly("objection-price");
        assertThat(call.cards()).extracting(Card::id).doesNotContain("compliance-disclosure");
        assertThat(action.stream().filter(e -> e.tag().startsWith("action:")).findFirst().orElseThrow().details())
                .as("the commitment is the second caller's, not the first customer's")
                .containsEntry("owner", "customer-2");
    }

    @Test
    void aSecondRepStreamIsCoachedAsTheRep() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onFinalSegment(0, "rep", 0, 4, "This call is recorded for training purposes.");
        call.onFinalSegment(1, "customer-2", 5, 7, "Okay.");
        double t = 8;
        for (int i = 2; i < 12; i++) {
            call.onFinalSegment(i, "rep-2", t, t + 9.5, "Let me explain how the platform handles the routing of calls.");
            t += 10;
        }
        assertThat(call.cards()).extracting(Card::id).containsOnlyOnce("coaching-monologue");
    }

    @Test
    void speakersTellRolesAndNames() {
        assertThat(List.of("rep", "rep-2", "customer", "customer-3", "mixed", "repo"))
                .extracting(Speakers::role).containsExactly("rep", "rep", "customer", "customer", "customer", "customer");
        assertThat(List.of("rep-2", "customer-3", "mixed")).extracting(Speakers::named)
                .containsExactly("rep-2", "customer-3", "customer");
        assertThat(List.of("rep", "customer-2", "mixed")).extracting(Speakers::display)
                .containsExactly("Rep", "Customer 2", "Customer");
    }
}
