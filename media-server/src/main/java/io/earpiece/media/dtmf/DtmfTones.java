package io.earpiece.media.dtmf;

/**
 * In-band DTMF (ITU-T Q.23): the two sine tones of a key at 8 kHz, for peers that did not offer RFC 4733
 * telephone-event. Each tone at about -13 dBFS, so the pair stays clear of clipping after G.711.
 */
public final class DtmfTones {

    private static final String KEYS = "123A456B789C*0#D";
    private static final int[] ROWS = {697, 770, 852, 941};
    private static final int[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final double AMPLITUDE = 0.22 * 32767;

    private DtmfTones() {
    }

    /** Whether {@code key} is a DTMF key (0-9, *, #, A-D). */
    public static boolean isKey(char key) {
        return KEYS.indexOf(key) >= 0;
    }

    /** The row (low) and column (high) frequencies of {@code key}, in Hz. */
    public static int[] frequencies(char key) {
        int i = KEYS.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF key: '" + key + "'");
        }
        return new int[] {ROWS[i / 4], COLUMNS[i % 4]};
    }

    /**
     * {@code length} samples at 8 kHz of {@code key}'s tone pair, starting {@code offset} samples into the tone (so
     * that a tone cut into 20 ms frames stays one continuous wave).
     */
    public static short[] samples(char key, int offset, int length) {
        int[] f = frequencies(key);
        short[] out = new short[length];
        for (int n = 0; n < length; n++) {
            double t = (offset + n) / 8000.0;
            double v = AMPLITUDE * (Math.sin(2 * Math.PI * f[0] * t) + Math.sin(2 * Math.PI * f[1] * t));
            out[n] = (short) Math.round(v);
        }
        return out;
    }

    /** The RFC 4733 event code of a DTMF key (0-9, 10 '*', 11 '#', 12-15 'A'-'D'). */
    public static int eventCode(char key) {
        int i = "0123456789*#ABCD".indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF key: '" + key + "'");
        }
        return i;
    }
}
