package io.earpiece.console.summary;

import io.earpiece.db.summary.ActionItemRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Ticks a call's action items off and reopens them; blocking JPA, callers move it off the event loop. */
@Service
public class ActionItemChecklist {

    private final ActionItemRepository actions;
    private final Clock clock;

    public ActionItemChecklist(ActionItemRepository actions) {
        this.actions = actions;
        this.clock = Clock.systemUTC();
    }

    /**
     * Marks item {@code seq} of the call done (by {@code user}, now) or open; empty when there is no such item.
     * Ticking an item already done keeps who did it first and when.
     */
    @Transactional
    public Optional<SummaryView.ActionItemView> mark(String callId, int seq, boolean done, String user) {
        return actions.findByCallIdAndSeq(callId, seq).map(a -> {
            if (done && a.getDoneAt() == null) {
                a.markDone(Instant.now(clock), user);
            } else if (!done) {
                a.markDone(null, null);
            }
            return SummaryQueries.actionItem(actions.save(a));
        });
    }
}
