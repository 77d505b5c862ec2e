package io.earpiece.diarize;

/** Triangular filters evenly spaced on the mel scale, applied to a power spectrum. */
final class MelFilterbank {

    private final double[][] weights;
    private final int[] firstBin;

    /**
     * @param filters    number of triangular filters
     * @param fftSize    FFT length the spectra come from
     * @param sampleRate sample rate of the audio
     * @param lowHz      lower edge of the first filter
     * @param highHz     upper edge of the last filter
     */
    MelFilterbank(int filters, int fftSize, int sampleRate, double lowHz, double highHz) {
        if (filters < 1 || lowHz < 0 || highHz <= lowHz || highHz > sampleRate / 2.0) {
            throw new IllegalArgumentException("bad filterbank: " + filters + " filters " + lowHz + "-" + highHz
                    + " Hz at " + sampleRate + " Hz");
        }
        double lowMel = mel(lowHz);
        double highMel = mel(highHz);
        double[] edgesHz = new double[filters + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            edgesHz[i] = hz(lowMel + (highMel - lowMel) * i / (filters + 1));
        }
        double binHz = (double) sampleRate / fftSize;
        weights = new double[filters][];
        firstBin = new int[filters];
        for (int f = 0; f < filters; f++) {
            double left = edgesHz[f];
            double centre = edgesHz[f + 1];
            double right = edgesHz[f + 2];
            int from = (int) Math.ceil(left / binHz);
            int to = Math.min((int) Math.floor(right / binHz), fftSize / 2);
            firstBin[f] = from;
            double[] w = new double[Math.max(0, to - from + 1)];
            for (int k = from; k <= to; k++) {
                double hz = k * binHz;
                w[k - from] = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
            }
            weights[f] = w;
        }
    }

    int size() {
        return weights.length;
    }

    /** Natural log of each filter's energy, floored so that digital silence stays finite. */
    double[] logEnergies(double[] power) {
        double[] out = new double[weights.length];
        for (int f = 0; f < weights.length; f++) {
            double sum = 0;
            double[] w = weights[f];
            for (int i = 0; i < w.length && firstBin[f] + i < power.length; i++) {
                sum += w[i] * power[firstBin[f] + i];
            }
            out[f] = Math.log(Math.max(sum, 1e-10));
        }
        return out;
    }

    static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
