package io.earpiece.stt;

import java.util.SplittableRandom;

/**
 * Synthetic audio with the rough shape of speech: a gliding voiced source with formant-like harmonics, syllable-rate
 * loudness, and short pauses. Good enough to drive a recognizer's full cost without shipping recordings.
 */
public final class SpeechLikeAudio {

    public static final int SAMPLE_RATE = 16_000;

    private SpeechLikeAudio() {
    }

    /** {@code millis} of speech-like 16 kHz samples in [-1, 1], reproducible from {@code seed}. */
    public static float[] generate(int millis, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[millis * SAMPLE_RATE / 1000];
        double phase = 0;
        double syllableHz = 4 + random.nextDouble();
        for (int i = 0; i < out.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            double pitch = 120 + 25 * Math.sin(2 * Math.PI * 0.7 * t);
            phase += 2 * Math.PI * pitch / SAMPLE_RATE;
            double formant1 = 500 + 300 * Math.sin(2 * Math.PI * syllableHz * t);
            double voiced = 0;
            for (int h = 1; h <= 20; h++) {
                double f = h * pitch;
                double gain = Math.exp(-Math.pow((f - formant1) / 250, 2)) + 0.4 * Math.exp(-Math.pow((f - 1700) / 400, 2));
                voiced += gain * Math.sin(h * phase) / h;
            }
            double envelope = Math.max(0, Math.sin(Math.PI * syllableHz * t));
            boolean pause = ((int) (t / 1.3)) % 3 == 2 && (t % 1.3) < 0.35;
            double noise = 0.02 * (random.nextDouble() - 0.5);
            out[i] = (float) (pause ? noise : 0.5 * envelope * voiced + noise);
        }
        return out;
    }

    /** The same audio as 16-bit PCM. */
    public static short[] generatePcm(int millis, long seed) {
        float[] f = generate(millis, seed);
        short[] pcm = new short[f.length];
        for (int i = 0; i < f.length; i++) {
            pcm[i] = (short) Math.round(Math.max(-1, Math.min(1, f[i])) * 32767);
        }
        return pcm;
    }
}
