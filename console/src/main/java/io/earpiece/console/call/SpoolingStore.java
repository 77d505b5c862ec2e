package io.earpiece.console.call;

import io.earpiece.assist.SegmentOutcome;
import io.earpiece.console.spool.Spool;
import io.earpiece.console.spool.SpoolRecord;
import io.earpiece.console.storage.DatabaseUnavailable;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.stt.TranscriptSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stores a live final or call event now, or, while the database cannot be reached, journals it on disk
 * ({@link Spool}) so that it can be announced at once and written when the database returns (by the
 * {@code SpoolDrainer}, in order). While anything waits in the journal, later writes join it without trying the
 * database, so a call's writes reach the database in the order they were made. When the journal is full or cannot
 * be written, a write waits for the database in memory ({@link SegmentStoreRetry}) as it did before the journal, and
 * a final is announced only once stored. A write inside a caller's transaction (an upload's) is not journalled: that
 * transaction is lost with the connection, and its owner starts over.
 */
@Component
public class SpoolingStore {

    private static final Logger log = LoggerFactory.getLogger(SpoolingStore.class);

    private final CallStore store;
    private final Spool spool;
    private final SegmentStoreRetry retry;

    public SpoolingStore(CallStore store, Spool spool, SegmentStoreRetry retry) {
        this.store = store;
        this.spool = spool;
        this.retry = retry;
    }

    /**
     * How a final was kept: its stored cards, or journalled (no cards stored yet, {@code spooled} true): either way
     * it is safe to announce.
     */
    public record FinalWrite(List<CardEntity> cards, boolean spooled) {
    }

    /** Stores a final (text already masked) with what the assist engine raised on it, or journals it. */
    public FinalWrite segment(TranscriptSegment s, String maskedText, int utterance, SegmentOutcome outcome) {
        SpoolRecord.Final record = new SpoolRecord.Final(s.callId(), s.party(), s.index(), s.startMs(), s.endMs(),
                maskedText, utterance, outcome);
        Kept<List<CardEntity>> kept = keep("segment " + s.party() + "#" + s.index() + " of call " + s.callId(),
                record, () -> store.segment(s, maskedText, utterance, outcome));
        return new FinalWrite(kept.spooled ? List.of() : kept.result, kept.spooled);
    }

    /** Stores a DTMF digit, hold or resume, or journals it; in order with the call's finals. */
    public void event(String callId, String party, String kind, String detail, Integer durationMs, long offsetMs,
                      Instant at) {
        keep(kind + " event of call " + callId, new SpoolRecord.Event(callId, party, kind, detail, durationMs,
                offsetMs, at), () -> {
            store.event(callId, party, kind, detail, durationMs, offsetMs, at);
            return null;
        });
    }

    /**
     * Waits until no journalled write of the call is left, at most {@code limit} (the summary reads the whole
     * transcript); false when some still wait.
     */
    public boolean awaitWritten(String callId, Duration limit) {
        try {
            return spool.awaitWritten(callId, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Kept<T>(T result, boolean spooled) {
    }

    private <T> Kept<T> keep(String what, SpoolRecord record, Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return new Kept<>(write.get(), false);
        }
        if (spool.pending() == 0) {
            try {
                return new Kept<>(write.get(), false);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.is(e)) {
                    throw e;
                }
                log.warn("database unavailable while storing {}; journalled, written when it returns: {}", what,
                        e.getMessage());
            }
        }
        if (spool.append(record)) {
            return new Kept<>(null, true);
        }
        // the journal is full or cannot be written: wait for the database as before it existed
        return new Kept<>(retry.store(what, write), false);
    }
}
