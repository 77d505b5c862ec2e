package io.earpiece.console.spool;

import io.earpiece.assist.SegmentOutcome;

import java.time.Instant;
import java.util.Objects;

/**
 * A live-path write kept on disk while the database cannot be reached, to be written when it returns. Each carries
 * the key that makes writing it twice (a replay after a crash) the same as writing it once.
 */
public sealed interface SpoolRecord permits SpoolRecord.Final, SpoolRecord.Event {

    /** The call the write belongs to. */
    String callId();

    /** What identifies the write in the database, so a replay finds it there instead of storing it again. */
    String key();

    /**
     * A final transcript segment with its already-masked text and what the assist engine raised on it.
     *
     * @param utterance the assist engine's utterance index of the segment
     */
    record Final(String callId, String party, int index, long startMs, long endMs, String maskedText, int utterance,
                 SegmentOutcome outcome) implements SpoolRecord {
        public Final {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(maskedText, "maskedText");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** A final is stored once per call, party and index (the table's unique key). */
        @Override
        public String key() {
            return "final/" + callId + "/" + party + "#" + index;
        }
    }

    /** A DTMF digit, hold or resume (see {@code CallEventEntity} for the fields). */
    record Event(String callId, String party, String kind, String detail, Integer durationMs, long offsetMs,
                 Instant at) implements SpoolRecord {
        public Event {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }

        /** An event is one of its kind, of its party, at its millisecond of the call. */
        @Override
        public String key() {
            return "event/" + callId + "/" + party + "/" + kind + "@" + offsetMs;
        }
    }
}
