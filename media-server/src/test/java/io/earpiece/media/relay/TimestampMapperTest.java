package io.earpiece.media.relay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampMapperTest {

    @Test
    void scalesOpusClockToG711AcrossTheWrap() {
        TimestampMapper mapper = new TimestampMapper(48_000, 8_000);
        long start = 0xFFFF_FC00L;
        assertThat(mapper.map(start, 7)).isEqualTo(start);
        assertThat(mapper.map((start + 960) & 0xFFFF_FFFFL, 7)).isEqualTo((start + 160) & 0xFFFF_FFFFL);
        assertThat(mapper.map((start + 9600) & 0xFFFF_FFFFL, 7)).isEqualTo((start + 1600) & 0xFFFF_FFFFL);
        assertThat(mapper.map((start + 960) & 0xFFFF_FFFFL, 7)).as("late packet").isEqualTo((start + 160) & 0xFFFF_FFFFL);
        assertThat(mapper.scale(960)).isEqualTo(160);
    }

    @Test
    void staysExactOverHoursAndReanchorsOnANewSsrc() {
        TimestampMapper mapper = new TimestampMapper(8_000, 48_000);
        long ts = 1000;
        long first = mapper.map(ts, 1);
        long out = first;
        // Five hours of 20 ms packets: the input wraps nothing, the output wraps the 32-bit space.
        for (int i = 0; i < 5 * 3600 * 50; i++) {
            ts = (ts + 160) & 0xFFFF_FFFFL;
            long next = mapper.map(ts, 1);
            assertThat((next - out) & 0xFFFF_FFFFL).isEqualTo(960);
            out = next;
        }
        assertThat(mapper.map(555, 2)).isEqualTo(555);
        assertThat(mapper.map(715, 2)).isEqualTo(555 + 960);
    }

    @Test
    void identityWhenRatesMatch() {
        TimestampMapper mapper = new TimestampMapper(8000, 8000);
        assertThat(mapper.identity()).isTrue();
        assertThat(mapper.map(123_456, 1)).isEqualTo(123_456);
    }
}
