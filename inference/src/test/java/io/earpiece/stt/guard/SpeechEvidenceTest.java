package io.earpiece.stt.guard;

import io.earpiece.stt.SpeechLikeAudio;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SpeechEvidenceTest {

    private final SpeechEvidence evidence = SpeechEvidence.defaults();

    static float[] whiteNoise(int millis, double amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[millis * 16];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (amplitude * (2 * random.nextDouble() - 1));
        }
        return out;
    }

    @Test
    void silenceHasNoSpeech() {
        assertThat(evidence.hasSpeech(new float[3 * 16_000])).isFalse();
    }

    @Test
    void loudWhiteNoiseHasNoSpeech() {
        assertThat(evidence.hasSpeech(whiteNoise(3_000, 0.3, 1))).isFalse();
    }

    @Test
    void speechLikeAudioHasSpeech() {
        assertThat(evidence.hasSpeech(SpeechLikeAudio.generate(2_000, 3))).isTrue();
    }

    @Test
    void speechUnderNoiseStillCounts() {
        float[] speech = SpeechLikeAudio.generate(2_000, 4);
        float[] noise = whiteNoise(2_000, 0.02, 2);
        for (int i = 0; i < speech.length; i++) {
            speech[i] += noise[i];
        }
        assertThat(evidence.hasSpeech(speech)).isTrue();
    }

    @Test
    void tooLittleVoicedAudioIsNotEnough() {
        float[] audio = new float[2 * 16_000];
        System.arraycopy(SpeechLikeAudio.generate(60, 5), 0, audio, 16_000, 60 * 16);
        assertThat(evidence.hasSpeech(audio)).isFalse();
    }
}
