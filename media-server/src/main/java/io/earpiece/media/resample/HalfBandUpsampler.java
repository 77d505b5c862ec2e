package io.earpiece.media.resample;

/**
 * Doubles the sample rate (8 kHz to 16 kHz) with a Kaiser-windowed-sinc half-band interpolation filter. Even
 * output samples are the input samples; odd ones are interpolated from {@value #HALF_TAPS} neighbours on each side.
 * Filter state carries across calls so packet boundaries leave no seams. The filter's group delay is removed:
 * output sample 2n is input sample n, so media time is unchanged; {@link #flush} emits the held tail.
 */
public final class HalfBandUpsampler {

    public static final int HALF_TAPS = 16;
    private static final double KAISER_BETA = 7.0;

    private final float[] taps = designTaps();
    private final float[] history = new float[2 * HALF_TAPS];
    private long consumed;

    /**
     * Upsamples {@code length} samples into {@code out}, which needs room for {@code 2 * length} samples.
     *
     * @return how many samples were written (fewer than {@code 2 * length} only while the filter first fills)
     */
    public int process(short[] in, int offset, int length, short[] out, int outOffset) {
        int written = 0;
        for (int i = 0; i < length; i++) {
            written += push(in[offset + i], out, outOffset + written);
        }
        return written;
    }

    /** Pushes silence through the filter so the last input samples come out; needs room for 2 * HALF_TAPS. */
    public int flush(short[] out, int outOffset) {
        int written = 0;
        for (int i = 0; i < HALF_TAPS; i++) {
            written += push((short) 0, out, outOffset + written);
        }
        return written;
    }

    private int push(short sample, short[] out, int at) {
        System.arraycopy(history, 1, history, 0, history.length - 1);
        history[history.length - 1] = sample;
        consumed++;
        // The sample centred in the window is HALF_TAPS behind the newest; before it exists there is no output.
        if (consumed <= HALF_TAPS) {
            return 0;
        }
        double interpolated = 0;
        for (int j = 0; j < taps.length; j++) {
            interpolated += taps[j] * history[j];
        }
        out[at] = (short) history[HALF_TAPS - 1];
        out[at + 1] = clip(interpolated);
        return 2;
    }

    private static short clip(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }

    /** Taps for the half-sample positions: sinc(d) windowed, d = -HALF_TAPS+0.5 .. HALF_TAPS-0.5, unit DC gain. */
    private static float[] designTaps() {
        float[] h = new float[2 * HALF_TAPS];
        double sum = 0;
        double[] raw = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            double d = j - HALF_TAPS + 0.5;
            double sinc = Math.sin(Math.PI * d) / (Math.PI * d);
            double ratio = d / HALF_TAPS;
            double window = besselI0(KAISER_BETA * Math.sqrt(1 - ratio * ratio)) / besselI0(KAISER_BETA);
            raw[j] = sinc * window;
            sum += raw[j];
        }
        for (int j = 0; j < h.length; j++) {
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
