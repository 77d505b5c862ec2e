package io.earpiece.console.spool;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a spool file holds after a crash or a failing disk, its bytes are read as a record or refused with
 * {@link SpoolRecordException}, nothing else; what is read is written back to the same bytes. Without
 * {@code JAZZER_FUZZ} this runs the seeds in {@code SpoolRecordCodecFuzzTestInputs/decode} as a unit test.
 */
class SpoolRecordCodecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] file) {
        SpoolRecordCodec.Decoded decoded;
        try {
            decoded = SpoolRecordCodec.decode(file, 0);
        } catch (SpoolRecordException refused) {
            assertThat(refused.reason()).isNotNull();
            return;
        }
        assertThat(decoded.frameLength()).isBetween(SpoolRecordCodec.HEADER + 2, file.length);
        byte[] again = SpoolRecordCodec.encode(decoded.record());
        try {
            assertThat(SpoolRecordCodec.decode(again, 0).record()).isEqualTo(decoded.record());
        } catch (SpoolRecordException e) {
            throw new AssertionError("a record read back does not read again", e);
        }
    }
}
