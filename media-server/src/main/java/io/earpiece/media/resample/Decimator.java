package io.earpiece.media.resample;

/**
 * Lowers the sample rate by an integer factor (48 kHz Opus to 16 kHz or 8 kHz) behind a Kaiser-windowed-sinc
 * low-pass FIR at 0.9 of the new Nyquist frequency. Only the kept outputs are computed. Filter state carries
 * across calls, so packet boundaries leave no seams; the filter delays the signal by {@link #delayInput()} input
 * samples. Not thread-safe.
 */
public final class Decimator {

    private static final double KAISER_BETA = 8.0;
    private static final int TAPS_PER_FACTOR = 24;

    private final int factor;
    private final float[] taps;
    /** The last taps.length - 1 inputs before the current call, oldest first. */
    private final float[] history;
    private float[] window = new float[0];
    /** Inputs to skip before the next kept output (0 .. factor - 1). */
    private int phase;

    public Decimator(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor " + factor);
        }
        this.factor = factor;
        this.taps = factor == 1 ? new float[] {1f} : design(factor);
        this.history = new float[taps.length - 1];
    }

    public int factor() {
        return factor;
    }

    /** Group delay of the filter in input samples. */
    public int delayInput() {
        return (taps.length - 1) / 2;
    }

    /**
     * Decimates {@code length} samples into {@code out} and returns how many were written (length / factor, give or
     * take one when length is not a multiple of the factor).
     */
    public int process(short[] in, int offset, int length, short[] out, int outOffset) {
        if (factor == 1) {
            System.arraycopy(in, offset, out, outOffset, length);
            return length;
        }
        int h = history.length;
        int total = h + length;
        if (window.length < total) {
            window = new float[total];
        }
        System.arraycopy(history, 0, window, 0, h);
        for (int i = 0; i < length; i++) {
            window[h + i] = in[offset + i];
        }
        int written = 0;
        int i = phase;
        for (; i < length; i += factor) {
            // Output aligned with input i: the filter spans window[i .. i + h].
            double acc = 0;
            for (int t = 0; t < taps.length; t++) {
                acc += taps[t] * window[i + t];
            }
            out[outOffset + written++] = clip(acc);
        }
        phase = i - length;
        System.arraycopy(window, length, history, 0, h);
        return written;
    }

    private static short clip(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }

    private static float[] design(int factor) {
        int n = TAPS_PER_FACTOR * factor + 1;
        double cutoff = 0.9 / factor; // fraction of the input Nyquist frequency
        double[] raw = new double[n];
        double sum = 0;
        int mid = (n - 1) / 2;
        for (int j = 0; j < n; j++) {
            double d = j - mid;
            double sinc = d == 0 ? cutoff : Math.sin(Math.PI * cutoff * d) / (Math.PI * d);
            double ratio = d / mid;
            double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / besselI0(KAISER_BETA);
            raw[j] = sinc * window;
            sum += raw[j];
        }
        float[] h = new float[n];
        for (int j = 0; j < n; j++) {
            h[j] = (float) (raw[j] / sum);
        }
        return h;
    }

    private static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
