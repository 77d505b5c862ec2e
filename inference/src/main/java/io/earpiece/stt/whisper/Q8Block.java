package io.earpiece.stt.whisper;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * ggml's q8_0 block: 32 values as one half-precision scale (the largest magnitude / 127) and 32 signed bytes,
 * each value rounded to the nearest multiple of the scale.
 */
public final class Q8Block {

    /** Values per block. */
    public static final int VALUES = 32;
    /** Bytes per block. */
    public static final int BYTES = 2 + VALUES;

    private Q8Block() {
    }

    /** Appends the block of {@code x[from .. from + 32)} to {@code out} (little-endian). */
    public static void encode(float[] x, int from, ByteBuffer out) {
        if (from < 0 || from + VALUES > x.length) {
            throw new IllegalArgumentException("a block needs 32 values from " + from + ", array has " + x.length);
        }
        float max = 0;
        for (int i = 0; i < VALUES; i++) {
            max = Math.max(max, Math.abs(x[from + i]));
        }
        float scale = max / 127;
        float inverse = scale == 0 ? 0 : 1 / scale;
        out.order(ByteOrder.LITTLE_ENDIAN).putShort(HalfFloat.bits(scale));
        for (int i = 0; i < VALUES; i++) {
            out.put((byte) Math.round(x[from + i] * inverse));
        }
    }

    /** The 32 values a block at {@code in}'s position stands for. */
    public static float[] decode(ByteBuffer in) {
        float scale = HalfFloat.toFloat(in.order(ByteOrder.LITTLE_ENDIAN).getShort());
        float[] out = new float[VALUES];
        for (int i = 0; i < VALUES; i++) {
            out[i] = in.get() * scale;
        }
        return out;
    }
}
