package io.earpiece.stt.testaudio;

/** G.711 mu-law expansion. */
public final class MuLaw {

    private static final int BIAS = 0x84;

    private MuLaw() {
    }

    public static short decode(byte code) {
        int u = ~code & 0xff;
        int exponent = (u >> 4) & 0x07;
        int magnitude = (((u & 0x0f) << 3) + BIAS) << exponent;
        magnitude -= BIAS;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }
}
