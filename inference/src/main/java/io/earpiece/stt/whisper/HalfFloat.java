package io.earpiece.stt.whisper;

/** IEEE 754 half precision as ggml stores it (Java 17 has no conversions of its own). */
public final class HalfFloat {

    private HalfFloat() {
    }

    /** The half nearest to {@code value}; magnitudes below the normal range become zero. */
    public static short bits(float value) {
        int f = Float.floatToRawIntBits(value);
        int sign = (f >>> 16) & 0x8000;
        int exponent = ((f >>> 23) & 0xff) - 127 + 15;
        int mantissa = f & 0x7fffff;
        if (exponent <= 0) {
            return (short) sign;
        }
        if (exponent >= 0x1f) {
            throw new IllegalArgumentException("out of half-precision range: " + value);
        }
        int half = sign | (exponent << 10) | (mantissa >>> 13);
        if ((mantissa & 0x1000) != 0) {
            half++; // round half up; a carry into the exponent is still the right value
        }
        return (short) half;
    }

    /** The float value of half-precision {@code bits}, subnormals, infinities and NaN included. */
    public static float toFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
