package io.earpiece.media.support;

/** Sine test signals and the measurements the tests make on them. */
public final class Tone {

    private Tone() {
    }

    /** {@code count} samples of a sine starting at sample {@code first} (so consecutive chunks join up). */
    public static short[] sine(double hz, double amplitude, int sampleRate, long first, int count) {
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * (first + i) / sampleRate));
        }
        return out;
    }

    public static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /** Normalised cross-correlation at lag zero. */
    public static double correlation(short[] a, short[] b, int from, int to) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = from; i < to; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** Power of one frequency (Goertzel), for comparing a tone's energy with an image's. */
    public static double power(short[] s, int from, int to, double hz, int sampleRate) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = s[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    /** Frequency estimated from upward zero crossings. */
    public static double frequency(short[] s, int from, int to, int sampleRate) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings * (double) sampleRate / (last - first);
    }

    /**
     * The highest normalised correlation of {@code a[i]} with {@code b[i - lag]} over lags 0..maxLag, for codecs
     * that delay the signal (Opus by a few milliseconds).
     */
    public static double bestCorrelation(short[] a, short[] b, int from, int to, int maxLag) {
        double best = -1;
        for (int lag = 0; lag <= maxLag; lag++) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int i = Math.max(from, lag); i < to; i++) {
                ab += (double) a[i] * b[i - lag];
                aa += (double) a[i] * a[i];
                bb += (double) b[i - lag] * b[i - lag];
            }
            best = Math.max(best, ab / Math.sqrt(aa * bb));
        }
        return best;
    }
}
