package io.earpiece.console.spool;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.Card;
import io.earpiece.assist.SegmentOutcome;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolRecordCodecTest {

    static SpoolRecord.Final aFinal(String callId, int index) {
        return new SpoolRecord.Final(callId, "customer", index, 1200, 3400, "we need it by Friday — ok?", 7,
                new SegmentOutcome(List.of(new AssistEvent(7, "action:deadline", Map.of("due", "Friday", "who", "rep"))),
                        List.of(new Card("deadline", "Deadline", "Confirm the date", 2, 7, "action:deadline", null))));
    }

    static SpoolRecord.Event anEvent(String callId) {
        return new SpoolRecord.Event(callId, "rep", "DTMF", "5", 160, 4321, Instant.parse("2026-12-08T00:30:01.123456789Z"));
    }

    @Test
    void aFinalAndAnEventComeBackAsTheyWent() throws Exception {
        for (SpoolRecord r : List.of(aFinal("c1", 3), anEvent("c1"),
                new SpoolRecord.Event("c2", null, "HOLD", null, null, 0, Instant.EPOCH),
                new SpoolRecord.Final("c3", "rep", 0, 0, 0, "", 0, new SegmentOutcome(List.of(), List.of())))) {
            byte[] frame = SpoolRecordCodec.encode(r);
            SpoolRecordCodec.Decoded decoded = SpoolRecordCodec.decode(frame, 0);
            assertThat(decoded.record()).isEqualTo(r);
            assertThat(decoded.frameLength()).isEqualTo(frame.length);
        }
    }

    @Test
    void recordsFollowOneAnotherAndAreReadFromTheirOffset() throws Exception {
        byte[] a = SpoolRecordCodec.encode(aFinal("c1", 1));
        byte[] b = SpoolRecordCodec.encode(anEvent("c1"));
        byte[] both = ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
        SpoolRecordCodec.Decoded first = SpoolRecordCodec.decode(both, 0);
        assertThat(SpoolRecordCodec.decode(both, first.frameLength()).record()).isEqualTo(anEvent("c1"));
    }

    @Test
    void aTornTailIsTruncatedWhereverTheCutFalls() {
        byte[] frame = SpoolRecordCodec.encode(aFinal("c1", 1));
        for (int cut = 0; cut < frame.length; cut++) {
            byte[] torn = Arrays.copyOf(frame, cut);
            assertThatThrownBy(() -> SpoolRecordCodec.decode(torn, 0)).as("cut at %d", cut)
                    .isInstanceOfSatisfying(SpoolRecordException.class, e ->
                            assertThat(e.reason()).isEqualTo(SpoolRecordException.Reason.TRUNCATED));
        }
    }

    @Test
    void aFlippedBitFailsTheChecksum() {
        byte[] frame = SpoolRecordCodec.encode(anEvent("c1"));
        for (int i = SpoolRecordCodec.HEADER; i < frame.length; i++) {
            byte[] flipped = frame.clone();
            flipped[i] ^= 0x10;
            assertThatThrownBy(() -> SpoolRecordCodec.decode(flipped, 0)).as("byte %d", i)
                    .isInstanceOfSatisfying(SpoolRecordException.class, e ->
                            assertThat(e.reason()).isEqualTo(SpoolRecordException.Reason.CHECKSUM));
        }
    }

    @Test
    void aLengthNoRecordHasIsRefusedBeforeAnythingIsRead() {
        byte[] zeros = new byte[64]; // what a file extended by a crash reads as
        assertThatThrownBy(() -> SpoolRecordCodec.decode(zeros, 0)).isInstanceOfSatisfying(
                SpoolRecordException.class, e -> assertThat(e.reason()).isEqualTo(SpoolRecordException.Reason.BAD_LENGTH));
        byte[] huge = ByteBuffer.allocate(16).putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> SpoolRecordCodec.decode(huge, 0)).isInstanceOfSatisfying(
                SpoolRecordException.class, e -> assertThat(e.reason()).isEqualTo(SpoolRecordException.Reason.BAD_LENGTH));
    }

    @Test
    void aPayloadWithTheRightChecksumButWrongInsideIsMalformed() {
        // a string length pointing past the payload, checksummed as if we had written it
        byte[] payload = ByteBuffer.allocate(6).put((byte) 1).put((byte) 2).putInt(1000).array();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(payload);
        byte[] frame = ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt((int) crc.getValue())
                .put(payload).array();
        assertThatThrownBy(() -> SpoolRecordCodec.decode(frame, 0)).isInstanceOfSatisfying(
                SpoolRecordException.class, e -> assertThat(e.reason()).isEqualTo(SpoolRecordException.Reason.MALFORMED));
    }
}
