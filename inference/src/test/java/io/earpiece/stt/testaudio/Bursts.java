package io.earpiece.stt.testaudio;

/** Builds test signals from tone bursts and silence at 16 kHz. */
public final class Bursts {

    private final short[] pcm;

    private Bursts(int millis) {
        pcm = new short[millis * 16];
    }

    /** A silent signal of {@code millis}. */
    public static Bursts silence(int millis) {
        return new Bursts(millis);
    }

    /** Puts a 300 Hz tone at about -15 dBFS from {@code fromMs} to {@code toMs}. */
    public Bursts tone(int fromMs, int toMs) {
        for (int i = fromMs * 16; i < toMs * 16; i++) {
            pcm[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 300 * i / 16_000.0));
        }
        return this;
    }

    public short[] pcm() {
        return pcm.clone();
    }
}
