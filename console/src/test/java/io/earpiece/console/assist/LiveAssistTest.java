package io.earpiece.console.assist;

import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.Card;
import io.earpiece.assist.playbook.PlaybookLoader;
import io.earpiece.stt.TranscriptSegment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveAssistTest {

    private static AssistEngine engine;
    private final LiveAssist assist = new LiveAssist(callId -> engine.startCall(LocalDate.of(2026, 3, 12)));

    @BeforeAll
    static void load() {
        engine = new AssistEngine(new PlaybookLoader().loadDefault());
    }

    private static TranscriptSegment partial(int index, String text, int stable, long endMs) {
        return new TranscriptSegment("c1", "customer", index, 4_000, endMs, text, false, stable, List.of());
    }

    private static TranscriptSegment finalOf(int index, String text, long endMs) {
        return new TranscriptSegment("c1", "customer", index, 4_000, endMs, text, true);
    }

    @Test
    void committedWordsRaiseAProvisionalCardThatTheFinalConfirms() {
        assist.onSegment(new TranscriptSegment("c1", "rep", 0, 0, 3_000,
                "Quick note, we record this call for coaching purposes.", true));
        LiveAssist.Assisted early = assist.onSegment(partial(0, "Honestly that is way too expensive for", 6, 6_000));
        LiveAssist.Assisted again = assist.onSegment(partial(0, "Honestly that is way too expensive for us", 7, 6_500));
        LiveAssist.Assisted done = assist.onSegment(finalOf(0, "Honestly that is way too expensive for us.", 7_000));

        assertThat(early.provisional()).extracting(p -> p.card().id()).containsExactly("objection-price");
        assertThat(again.provisional()).as("shown once per segment").isEmpty();
        String key = early.provisional().get(0).key();
        assertThat(done.outcome().cards()).extracting(Card::id).contains("objection-price");
        assertThat(done.confirmed()).containsEntry("objection-price", key);
        assertThat(done.withdrawn()).isEmpty();
    }

    @Test
    void aProvisionalCardTheFinalDoesNotBearOutIsWithdrawn() {
        LiveAssist.Assisted early = assist.onSegment(partial(0, "Honestly that is way too expensive for", 6, 6_000));
        // the decodes of the end of the sentence changed what the committed words were part of: nothing was said
        LiveAssist.Assisted done = assist.onSegment(finalOf(0, "", 7_000));

        String key = early.provisional().get(0).key();
        assertThat(done.withdrawn()).containsExactly(key);
        assertThat(done.confirmed()).isEmpty();
    }

    @Test
    void tooFewCommittedWordsRaiseNothing() {
        assertThat(assist.onSegment(partial(0, "Way too expensive", 3, 5_000)).provisional()).isEmpty();
        assertThat(assist.onSegment(partial(0, "Way too expensive for us honestly", 2, 5_500)).provisional())
                .as("only committed words count").isEmpty();
    }

    @Test
    void beforeTheWarmUpIsDoneSegmentsAreMaskedWithoutCardsAndCardsStartOnceItIs() {
        boolean[] ready = {false};
        LiveAssist warming = new LiveAssist(callId -> engine.startCall(LocalDate.of(2026, 3, 12)), () -> ready[0]);

        LiveAssist.Assisted early = warming.onSegment(finalOf(0,
                "Honestly that is way too expensive for us, my card is 4111 1111 1111 1111.", 7_000));
        assertThat(early.outcome().cards()).isEmpty();
        assertThat(early.maskedText()).doesNotContain("4111 1111 1111 1111").contains("too expensive");

        ready[0] = true;
        LiveAssist.Assisted later = warming.onSegment(finalOf(1, "Honestly that is way too expensive for us.", 12_000));
        assertThat(later.outcome().cards()).extracting(Card::id).contains("objection-price");
    }
}
