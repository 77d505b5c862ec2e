package io.earpiece.console.call;

import io.earpiece.assist.SegmentOutcome;
import io.earpiece.console.spool.Spool;
import io.earpiece.console.spool.SpoolRecord;
import io.earpiece.console.spool.SpoolRecordCodec;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.stt.TranscriptSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolingStoreTest {

    @TempDir
    Path dir;

    private static final SegmentOutcome NOTHING = new SegmentOutcome(List.of(), List.of());

    /** A database that is up or down, keeping what it was given. */
    static final class Database extends CallStore {
        boolean down;
        RuntimeException other;
        final List<String> writes = new ArrayList<>();

        Database() {
            super(null, null, null, null, null, null, null);
        }

        @Override
        public List<CardEntity> segment(TranscriptSegment s, String maskedText, int utterance, SegmentOutcome outcome) {
            refuseIfDown();
            writes.add(s.party() + "#" + s.index());
            return List.of();
        }

        @Override
        public void event(String callId, String party, String kind, String detail, Integer durationMs, long offsetMs,
                          Instant at) {
            refuseIfDown();
            writes.add(kind + "@" + offsetMs);
        }

        private void refuseIfDown() {
            if (other != null) {
                throw other;
            }
            if (down) {
                throw new CannotCreateTransactionException("Connection refused");
            }
        }
    }

    private final Database database = new Database();
    private final SegmentStoreRetry retry = new SegmentStoreRetry(new SegmentStoreProperties(Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofSeconds(30), Duration.ofSeconds(30)));

    private static TranscriptSegment fin(int index) {
        return new TranscriptSegment("c1", "rep", index, index * 1000L, index * 1000L + 900, "final " + index, true);
    }

    @Test
    void storedAtOnceWhileTheDatabaseAnswers() throws Exception {
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            SpoolingStore store = new SpoolingStore(database, spool, retry);
            assertThat(store.segment(fin(0), "final 0", 0, NOTHING).spooled()).isFalse();
            assertThat(database.writes).containsExactly("rep#0");
            assertThat(spool.pending()).isZero();
        }
    }

    @Test
    void journalledWhenTheDatabaseIsAwayAndLaterWritesJoinTheJournalInOrder() throws Exception {
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            SpoolingStore store = new SpoolingStore(database, spool, retry);
            database.down = true;
            assertThat(store.segment(fin(0), "final 0", 0, NOTHING).spooled()).isTrue();
            database.down = false;
            // the database answers again, but the journal is not empty: this one goes behind the first
            store.event("c1", "rep", "DTMF", "5", 100, 1500, Instant.EPOCH);
            assertThat(store.segment(fin(1), "final 1", 1, NOTHING).spooled()).isTrue();
            assertThat(database.writes).isEmpty();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Spool.Pending p = spool.next(Duration.ZERO).orElseThrow();
                keys.add(p.record().key());
                spool.written(p);
            }
            assertThat(keys).containsExactly("final/c1/rep#0", "event/c1/rep/DTMF@1500", "final/c1/rep#1");
            assertThat(store.segment(fin(2), "final 2", 2, NOTHING).spooled()).as("journal empty: stored").isFalse();
            assertThat(database.writes).containsExactly("rep#2");
        }
    }

    @Test
    void aFullJournalFallsBackToWaitingForTheDatabase() throws Exception {
        int one = SpoolRecordCodec.encode(new SpoolRecord.Final("c1", "rep", 0, 0, 900, "final 0", 0, NOTHING)).length;
        try (Spool spool = new Spool(dir, one, one)) {
            SpoolingStore store = new SpoolingStore(database, spool, retry);
            database.down = true;
            assertThat(store.segment(fin(0), "final 0", 0, NOTHING).spooled()).isTrue();
            Thread writer = new Thread(() -> store.segment(fin(1), "final 1", 1, NOTHING));
            writer.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retry.retries() > 0);
            assertThat(spool.full()).isTrue();
            database.down = false;
            writer.join(30_000);
            assertThat(database.writes).as("held, then stored").containsExactly("rep#1");
        }
    }

    @Test
    void aFailureOtherThanTheDatabasesAbsenceIsNotJournalled() throws Exception {
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            SpoolingStore store = new SpoolingStore(database, spool, retry);
            database.other = new DataIntegrityViolationException("a bug");
            assertThatThrownBy(() -> store.segment(fin(0), "final 0", 0, NOTHING))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(spool.pending()).isZero();
        }
    }
}
