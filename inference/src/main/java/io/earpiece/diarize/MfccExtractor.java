package io.earpiece.diarize;

/**
 * Mel-frequency cepstral coefficients of 16 kHz PCM: 25 ms Hamming windows every 10 ms, pre-emphasis, a mel
 * filterbank and a DCT-II of the log filter energies. Not thread-safe; create one per thread.
 * <p>
 * The filterbank spans the whole 16 kHz band: the voices told apart in the dev corpus differ mostly above 4 kHz.
 * Telephone-band recordings just leave the upper filters empty, which per-file normalisation then ignores.
 */
final class MfccExtractor {

    static final int SAMPLE_RATE = 16_000;
    static final int HOP_SAMPLES = 160;
    static final int WINDOW_SAMPLES = 400;
    private static final int FFT_SIZE = 512;
    private static final int FILTERS = 40;
    private static final double LOW_HZ = 60;
    private static final double HIGH_HZ = 7_900;
    private static final double PRE_EMPHASIS = 0.97;

    private final int coefficients;
    private final Fft fft = new Fft(FFT_SIZE);
    private final MelFilterbank filterbank = new MelFilterbank(FILTERS, FFT_SIZE, SAMPLE_RATE, LOW_HZ, HIGH_HZ);
    private final double[] window = new double[WINDOW_SAMPLES];
    private final double[][] dct;

    /** @param coefficients cepstra kept after c0, which is dropped because it only tracks loudness */
    MfccExtractor(int coefficients) {
        if (coefficients < 1 || coefficients >= FILTERS) {
            throw new IllegalArgumentException("coefficients must be 1.." + (FILTERS - 1) + ": " + coefficients);
        }
        this.coefficients = coefficients;
        for (int i = 0; i < WINDOW_SAMPLES; i++) {
            window[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (WINDOW_SAMPLES - 1));
        }
        dct = new double[coefficients][FILTERS];
        for (int c = 0; c < coefficients; c++) {
            for (int f = 0; f < FILTERS; f++) {
                dct[c][f] = Math.cos(Math.PI * (c + 1) * (f + 0.5) / FILTERS);
            }
        }
    }

    int dimension() {
        return coefficients;
    }

    /** Number of whole frames in {@code length} samples. */
    static int frameCount(int length) {
        return length < WINDOW_SAMPLES ? 0 : 1 + (length - WINDOW_SAMPLES) / HOP_SAMPLES;
    }

    /**
     * The cepstra and frame energies of {@code pcm[from, to)}; frame {@code i} starts at sample
     * {@code from + i * HOP_SAMPLES}.
     */
    FeatureFrames extract(short[] pcm, int from, int to) {
        if (from < 0 || to > pcm.length || from > to) {
            throw new IllegalArgumentException("range " + from + ".." + to + " outside 0.." + pcm.length);
        }
        int frames = frameCount(to - from);
        double[][] cepstra = new double[frames][];
        double[] energyDb = new double[frames];
        double[] frame = new double[WINDOW_SAMPLES];
        for (int n = 0; n < frames; n++) {
            int start = from + n * HOP_SAMPLES;
            double previous = start > 0 ? pcm[start - 1] : 0;
            double sumSquares = 0;
            for (int i = 0; i < WINDOW_SAMPLES; i++) {
                double s = pcm[start + i];
                sumSquares += s * s;
                frame[i] = (s - PRE_EMPHASIS * previous) * window[i];
                previous = s;
            }
            energyDb[n] = 10 * Math.log10(Math.max(sumSquares / WINDOW_SAMPLES, 1e-3) / (32768.0 * 32768.0));
            double[] logMel = filterbank.logEnergies(fft.powerSpectrum(frame));
            double[] c = new double[coefficients];
            for (int k = 0; k < coefficients; k++) {
                double sum = 0;
                for (int f = 0; f < FILTERS; f++) {
                    sum += dct[k][f] * logMel[f];
                }
                c[k] = sum;
            }
            cepstra[n] = c;
        }
        return new FeatureFrames(from, cepstra, energyDb);
    }
}
