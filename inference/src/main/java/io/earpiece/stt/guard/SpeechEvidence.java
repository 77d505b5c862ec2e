package io.earpiece.stt.guard;

/**
 * Decides whether audio holds voiced speech before a recognizer sees it: Whisper writes text for silence and noise
 * (its own no-speech probability is not exposed by whisper-jni 1.7.1), so audio without enough frames that are both
 * loud enough and periodic at a voice pitch (50-500 Hz, by normalised autocorrelation) is not decoded at all.
 * Periodic non-speech (a steady tone, hum) passes; the text filter and the VAD's minimum length stay in place for it.
 *
 * @param thresholdDbfs   a frame below this level is silence
 * @param minPeriodicity  normalised autocorrelation a frame must reach at some pitch lag to count as voiced
 *                        (white noise stays near 0.1, voiced speech is above 0.6)
 * @param minVoicedMs     voiced audio needed in total
 */
public record SpeechEvidence(double thresholdDbfs, double minPeriodicity, int minVoicedMs) {

    private static final int RATE = 8_000;
    private static final int FRAME = 160;        // 20 ms at 8 kHz
    private static final int WINDOW = 320;       // 40 ms analysed per frame
    private static final int MIN_LAG = RATE / 500;
    private static final int MAX_LAG = RATE / 50;

    /** -45 dBFS, periodicity 0.5, 100 ms of voiced audio. */
    public static SpeechEvidence defaults() {
        return new SpeechEvidence(-45.0, 0.5, 100);
    }

    /** Whether {@code samples} (16 kHz, [-1, 1]) hold at least {@code minVoicedMs} of voiced frames. */
    public boolean hasSpeech(float[] samples) {
        float[] x = decimate(samples);
        double threshold = Math.pow(10, thresholdDbfs / 20);
        int needed = Math.max(1, minVoicedMs / 20);
        int voiced = 0;
        for (int start = 0; start + WINDOW <= x.length; start += FRAME) {
            if (rms(x, start, FRAME) >= threshold && periodicity(x, start) >= minPeriodicity) {
                if (++voiced >= needed) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 16 to 8 kHz by averaging pairs: enough for pitch, and a quarter of the autocorrelation work. */
    private static float[] decimate(float[] samples) {
        float[] out = new float[samples.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (samples[2 * i] + samples[2 * i + 1]) / 2;
        }
        return out;
    }

    private static double rms(float[] x, int start, int length) {
        double sum = 0;
        for (int i = start; i < start + length; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / length);
    }

    private static double periodicity(float[] x, int start) {
        double best = 0;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            double xy = 0;
            double xx = 0;
            double yy = 0;
            int n = WINDOW - lag;
            for (int i = start; i < start + n; i++) {
                float a = x[i];
                float b = x[i + lag];
                xy += a * b;
                xx += a * a;
                yy += b * b;
            }
            if (xx > 0 && yy > 0) {
                best = Math.max(best, xy / Math.sqrt(xx * yy));
            }
        }
        return best;
    }
}
