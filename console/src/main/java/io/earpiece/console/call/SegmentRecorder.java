package io.earpiece.console.call;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.Card;
import io.earpiece.console.assist.LiveAssist;
import io.earpiece.console.events.CallEvent;
import io.earpiece.console.events.CardEvent;
import io.earpiece.console.events.CardWithdrawnEvent;
import io.earpiece.console.events.InsightEvent;
import io.earpiece.console.events.ProvisionalCardEvent;
import io.earpiece.console.events.SegmentEvent;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.plugins.SegmentInfo;
import io.earpiece.stt.TranscriptSegment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place where a transcript segment of a call, live or uploaded, becomes stored text, insights and cards:
 * it runs the assist engine (which masks personal data first), stores a final with what it raised, and says which
 * events announce it. Callers publish the events when their storage is committed (or, for a live final during a
 * database outage, journalled on disk: {@link SpoolingStore}): a live call at once, an upload after its transaction.
 */
@Component
public class SegmentRecorder {

    private final LiveAssist assist;
    private final SpoolingStore store;
    /** Ids of cards announced before they are stored (journalled during an outage): negative, so never a row's. */
    private final AtomicLong unstoredCardIds = new AtomicLong();

    public SegmentRecorder(LiveAssist assist, SpoolingStore store) {
        this.assist = assist;
        this.store = store;
    }

    /**
     * What recording one segment gave: the events to announce, in order, and the stored segment for exporters
     * (null when nothing was stored: a partial, or a final in which nothing was said).
     */
    public record Recorded(List<CallEvent> events, SegmentInfo stored) {
    }

    /**
     * @param segment the segment as the transcript keeps it (its party is the party's or speaker's label)
     * @param role    the party as the assist engine knows it: {@code rep} or {@code customer}
     */
    public Recorded record(TranscriptSegment segment, String role) {
        String callId = segment.callId();
        TranscriptSegment asRole = role.equals(segment.party()) ? segment : new TranscriptSegment(callId, role,
                segment.index(), segment.startMs(), segment.endMs(), segment.text(), segment.isFinal(),
                segment.stableWords(), segment.words());
        LiveAssist.Assisted assisted = assist.onSegment(asRole);
        String text = assisted.maskedText();
        List<CallEvent> events = new ArrayList<>();
        if (!segment.isFinal()) {
            events.add(new SegmentEvent(callId, segment.party(), segment.index(), segment.startMs(), segment.endMs(),
                    text, false));
            for (LiveAssist.ProvisionalCard p : assisted.provisional()) {
                events.add(new ProvisionalCardEvent(callId, p.key(), p.card().id(), p.card().title(), p.card().body(),
                        p.card().priority(), segment.party(), p.card().trigger()));
            }
            return new Recorded(events, null);
        }
        if (segment.text().isBlank()) {
            // nothing was said after all: retract the partials and provisional cards shown for it
            events.add(new SegmentEvent(callId, segment.party(), segment.index(), segment.startMs(), segment.endMs(),
                    "", true));
            assisted.withdrawn().forEach(k -> events.add(new CardWithdrawnEvent(callId, k)));
            return new Recorded(events, null);
        }
        // Only the write is retried or journalled: the assist engine has seen the segment once, as it must.
        SpoolingStore.FinalWrite write = store.segment(segment, text, assisted.utterance(), assisted.outcome());
        events.add(new SegmentEvent(callId, segment.party(), segment.index(), segment.startMs(), segment.endMs(), text,
                true));
        for (AssistEvent e : assisted.outcome().events()) {
            events.add(new InsightEvent(callId, assisted.utterance(), segment.party(), e.tag(), e.details()));
        }
        if (write.spooled()) {
            // Journalled during a database outage: shown now, stored when the database returns (its feedback,
            // which names the stored row, is refused until the page is reloaded after that).
            for (Card c : assisted.outcome().cards()) {
                events.add(new CardEvent(callId, -unstoredCardIds.incrementAndGet(), c.id(), c.title(), c.body(),
                        c.priority(), c.utterance(), c.trigger(), assisted.confirmed().get(c.id())));
            }
        }
        for (CardEntity c : write.cards()) {
            events.add(new CardEvent(callId, c.getId(), c.getCardKey(), c.getTitle(), c.getBody(), c.getPriority(),
                    c.getUtterance(), c.getTrigger(), assisted.confirmed().get(c.getCardKey())));
        }
        assisted.withdrawn().forEach(k -> events.add(new CardWithdrawnEvent(callId, k)));
        return new Recorded(events, new SegmentInfo(callId, segment.party(), segment.index(), segment.startMs(),
                segment.endMs(), text));
    }
}
