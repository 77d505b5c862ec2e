package io.earpiece.media.g711;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class G711Test {

    @Test
    void muLawDecodesTheItuReferencePoints() {
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0xEF)).isEqualTo((short) 132);
    }

    @Test
    void aLawDecodesTheItuReferencePoints() {
        assertThat(ALaw.decode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(ALaw.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(ALaw.decode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(ALaw.decode((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            short muLinear = MuLaw.decode((byte) code);
            // 0x7F and 0xFF both mean zero; the encoder picks the positive one.
            if (code != 0x7F) {
                assertThat(MuLaw.encode(muLinear) & 0xFF).as("µ-law code %02x", code).isEqualTo(code);
            }
            assertThat(ALaw.encode(ALaw.decode((byte) code)) & 0xFF).as("A-law code %02x", code).isEqualTo(code);
        }
    }

    @Test
    void quantisationErrorStaysWithinTheSegmentStep() {
        for (int s = -32768; s <= 32767; s += 7) {
            short sample = (short) s;
            int mu = MuLaw.decode(MuLaw.encode(sample));
            int a = ALaw.decode(ALaw.encode(sample));
            int magnitude = Math.abs(s);
            // Both laws keep at least ~5 bits of relative precision above their linear segment.
            assertThat(Math.abs(mu - Math.max(-32124, Math.min(32124, s))))
                    .as("µ-law %d", s).isLessThanOrEqualTo(Math.max(8, magnitude / 16 + 4));
            assertThat(Math.abs(a - s)).as("A-law %d", s).isLessThanOrEqualTo(Math.max(16, magnitude / 16 + 16));
        }
    }

    @Test
    void codecEnumMapsStaticPayloadTypes() {
        assertThat(G711Codec.forPayloadType(0)).isEqualTo(G711Codec.PCMU);
        assertThat(G711Codec.forPayloadType(8)).isEqualTo(G711Codec.PCMA);
        assertThat(G711Codec.forPayloadType(9)).isNull();
        byte[] payload = {(byte) 0xFF, (byte) 0x80, 0x00};
        assertThat(G711Codec.PCMU.decode(payload)).containsExactly((short) 0, (short) 32124, (short) -32124);
    }
}
