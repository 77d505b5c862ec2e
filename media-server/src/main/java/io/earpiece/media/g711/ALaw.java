package io.earpiece.media.g711;

/** ITU-T G.711 A-law companding: byte to 16-bit linear and back. */
public final class ALaw {

    private static final short[] DECODE = buildDecodeTable();

    private ALaw() {
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
        int sign = 0x80;
        if (pcm < 0) {
            // A-law is sign-magnitude on the 13-bit value; -1 maps next to +0 rather than overflowing.
            pcm = -pcm - 1;
            sign = 0x00;
        }
        if (pcm > 32767) {
            pcm = 32767;
        }
        int code;
        if (pcm < 256) {
            code = pcm >> 4;
        } else {
            int exponent = 1;
            for (int v = pcm >> 8; v > 1; v >>= 1) {
                exponent++;
            }
            code = (exponent << 4) | ((pcm >> (exponent + 3)) & 0x0F);
        }
        return (byte) ((sign | code) ^ 0x55);
    }

    private static short[] buildDecodeTable() {
        short[] table = new short[256];
        for (int code = 0; code < 256; code++) {
            int a = code ^ 0x55;
            int exponent = (a >> 4) & 0x07;
            int mantissa = a & 0x0F;
            int magnitude = exponent == 0
                    ? (mantissa << 4) + 8
                    : ((mantissa << 4) + 0x108) << (exponent - 1);
            table[code] = (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
        }
        return table;
    }
}
