package io.earpiece.diarize;

/** In-place radix-2 complex FFT of a fixed power-of-two size; not thread-safe (keeps its twiddle tables). */
final class Fft {

    private final int size;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    Fft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two: " + size);
        }
        this.size = size;
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int i = 0; i < size / 2; i++) {
            cos[i] = Math.cos(-2 * Math.PI * i / size);
            sin[i] = Math.sin(-2 * Math.PI * i / size);
        }
        reversed = new int[size];
        int bits = Integer.numberOfTrailingZeros(size);
        for (int i = 0; i < size; i++) {
            reversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
    }

    int size() {
        return size;
    }

    /** Transforms {@code re}/{@code im} (each {@link #size()} long) in place. */
    void transform(double[] re, double[] im) {
        if (re.length != size || im.length != size) {
            throw new IllegalArgumentException("expected " + size + " points, got " + re.length + "/" + im.length);
        }
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int half = 1; half < size; half <<= 1) {
            int step = size / (2 * half);
            for (int start = 0; start < size; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /** Power spectrum |X(k)|^2 for k = 0 .. size/2 of a real frame (zero-padded or cut to {@link #size()}). */
    double[] powerSpectrum(double[] frame) {
        double[] re = new double[size];
        double[] im = new double[size];
        System.arraycopy(frame, 0, re, 0, Math.min(frame.length, size));
        transform(re, im);
        double[] power = new double[size / 2 + 1];
        for (int k = 0; k < power.length; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        return power;
    }
}
