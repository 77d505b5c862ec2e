package io.earpiece.media.g711;

/** ITU-T G.711 µ-law companding: byte to 16-bit linear and back. */
public final class MuLaw {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] DECODE = buildDecodeTable();

    private MuLaw() {
    }

    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    public static void decode(byte[] in, int inOffset, short[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = DECODE[in[inOffset + i] & 0xFF];
        }
    }

    public static byte encode(short sample) {
        int pcm = sample;
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        if (pcm > CLIP) {
            pcm = CLIP;
        }
        pcm += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static short[] buildDecodeTable() {
        short[] table = new short[256];
        for (int code = 0; code < 256; code++) {
            int u = ~code & 0xFF;
            int exponent = (u >> 4) & 0x07;
            int mantissa = u & 0x0F;
            int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
            table[code] = (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
        }
        return table;
    }
}
