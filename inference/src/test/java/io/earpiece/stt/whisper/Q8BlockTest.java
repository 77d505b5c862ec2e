package io.earpiece.stt.whisper;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Q8BlockTest {

    @Test
    void halfFloatsRoundTrip() {
        for (float v : new float[] {0f, 1f, -2.5f, 0.000061035156f, 65504f, 3.14159f}) {
            assertThat(HalfFloat.toFloat(HalfFloat.bits(v))).isCloseTo(v, within(Math.abs(v) / 1024 + 1e-8f));
        }
        assertThat(HalfFloat.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloat.toFloat((short) 0x7c00)).isInfinite();
        assertThat(HalfFloat.toFloat((short) 0x8000)).isEqualTo(-0f);
    }

    @Test
    void aBlockIsAScaleAndThirtyTwoBytesThatGiveTheValuesBack() {
        float[] x = new float[40];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-0.2, 0.2);
        }
        x[5] = -0.5f;
        ByteBuffer out = ByteBuffer.allocate(Q8Block.BYTES);
        Q8Block.encode(x, 2, out);
        assertThat(out.position()).isEqualTo(34);
        out.flip();
        float[] back = Q8Block.decode(out);
        float scale = 0.5f / 127;
        assertThat(back[3]).as("the largest magnitude is exactly -127 steps").isCloseTo(-0.5f, within(0.5f / 1024));
        for (int i = 0; i < Q8Block.VALUES; i++) {
            assertThat(back[i]).isCloseTo(x[2 + i], within(scale * 0.51f + 0.5f / 1024));
        }
    }

    @Test
    void zerosStayZeroAndShortInputIsRefused() {
        ByteBuffer out = ByteBuffer.allocate(Q8Block.BYTES);
        Q8Block.encode(new float[32], 0, out);
        out.flip();
        assertThat(Q8Block.decode(out)).containsOnly(0f);
        assertThatThrownBy(() -> Q8Block.encode(new float[31], 0, ByteBuffer.allocate(34)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
