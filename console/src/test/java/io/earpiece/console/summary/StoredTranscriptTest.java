package io.earpiece.console.summary;

import io.earpiece.assist.AssistEvent;
import io.earpiece.db.assist.InsightEntity;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.summary.Utterance;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTranscriptTest {

    static TranscriptSegmentEntity segment(long id, String party, long startMs, String text) throws Exception {
        TranscriptSegmentEntity s = new TranscriptSegmentEntity("c", party, (int) id, startMs, startMs + 1000, text,
                Instant.EPOCH);
        Field f = TranscriptSegmentEntity.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(s, id);
        return s;
    }

    @Test
    void translatesArrivalNumbersToSpokenOrderAndSkipsBlanks() throws Exception {
        // Arrival: the customer's answer (said second) was transcribed first; a blank final got no number.
        List<TranscriptSegmentEntity> segments = List.of(
                segment(1, "customer", 5000, "It is too expensive."),
                segment(2, "rep", 0, "Here is our price."),
                segment(3, "rep", 7000, " "),
                segment(4, "rep", 9000, "I will send a discount by friday."));
        List<InsightEntity> insights = List.of(
                new InsightEntity("c", 0, "customer", "objection:price", null, Instant.EPOCH),
                new InsightEntity("c", 2, "rep", "action:rep:send a discount:friday",
                        "owner=rep; what=send a discount; due=friday", Instant.EPOCH),
                new InsightEntity("c", 9, "rep", "question", null, Instant.EPOCH));

        StoredTranscript t = StoredTranscript.of(segments, insights);

        assertThat(t.utterances()).extracting(Utterance::text)
                .containsExactly("Here is our price.", "It is too expensive.", "I will send a discount by friday.");
        assertThat(t.events()).extracting(AssistEvent::utterance, AssistEvent::tag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "objection:price"),
                        org.assertj.core.groups.Tuple.tuple(2, "action:rep:send a discount:friday"));
        assertThat(t.events().get(1).details()).containsExactlyInAnyOrderEntriesOf(
                Map.of("owner", "rep", "what", "send a discount", "due", "friday"));
    }

    @Test
    void parsesStoredDetails() {
        assertThat(StoredTranscript.details("a=1; b=x=y")).containsExactly(Map.entry("a", "1"), Map.entry("b", "x=y"));
        assertThat(StoredTranscript.details(null)).isEmpty();
    }
}
