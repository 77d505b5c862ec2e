package io.earpiece.stt.vad;

import io.earpiece.stt.testaudio.Bursts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UtteranceSegmenterTest {

    private static final VadSettings SETTINGS = new VadSettings(-45, 60, 800, 200, 300, 5_000);

    private static List<DetectedSpeech> segment(short[] pcm, VadSettings settings) {
        UtteranceSegmenter segmenter = new UtteranceSegmenter(settings);
        List<DetectedSpeech> out = new ArrayList<>();
        for (int offset = 0; offset + 320 <= pcm.length; offset += 320) {
            segmenter.accept(offset / 16, Arrays.copyOfRange(pcm, offset, offset + 320)).ifPresent(out::add);
        }
        segmenter.flush().ifPresent(out::add);
        return out;
    }

    @Test
    void silenceHasNoUtterances() {
        assertThat(segment(Bursts.silence(5_000).pcm(), SETTINGS)).isEmpty();
    }

    @Test
    void findsEachBurstWithItsVoicedTimesAndTail() {
        short[] pcm = Bursts.silence(10_000).tone(1_000, 2_500).tone(5_000, 6_000).pcm();
        List<DetectedSpeech> found = segment(pcm, SETTINGS);
        assertThat(found).extracting(DetectedSpeech::startMs).containsExactly(1_000L, 5_000L);
        assertThat(found).extracting(DetectedSpeech::endMs).containsExactly(2_800L, 6_300L);
    }

    @Test
    void pausesShorterThanTheHangoverStayInsideOneUtterance() {
        short[] pcm = Bursts.silence(6_000).tone(1_000, 2_000).tone(2_600, 3_000).pcm();
        assertThat(segment(pcm, SETTINGS)).singleElement()
                .satisfies(s -> assertThat(s.startMs()).isEqualTo(1_000))
                .satisfies(s -> assertThat(s.endMs()).isEqualTo(3_300));
    }

    @Test
    void ignoresClicksShorterThanMinimumSpeech() {
        short[] pcm = Bursts.silence(3_000).tone(1_000, 1_040).pcm();
        assertThat(segment(pcm, SETTINGS)).isEmpty();
    }

    @Test
    void handsOverPreRollAndTailAudio() {
        short[] pcm = Bursts.silence(4_000).tone(1_000, 2_000).pcm();
        DetectedSpeech speech = segment(pcm, SETTINGS).get(0);
        assertThat(speech.audioStartMs()).isEqualTo(800);
        assertThat(speech.samples()).hasSize((2_300 - 800) * 16);
        assertThat(speech.samples()[200 * 16 + 50]).isEqualTo(pcm[1_000 * 16 + 50]);
    }

    @Test
    void cutsSpeechLongerThanTheMaximum() {
        short[] pcm = Bursts.silence(14_000).tone(1_000, 13_000).pcm();
        List<DetectedSpeech> found = segment(pcm, SETTINGS);
        assertThat(found).hasSizeGreaterThanOrEqualTo(3);
        assertThat(found).allSatisfy(s -> assertThat(s.durationMs()).isLessThanOrEqualTo(5_000 + 20));
        assertThat(found.get(0).startMs()).isEqualTo(1_000);
    }

    @Test
    void flushEndsSpeechStillInProgress() {
        short[] pcm = Bursts.silence(3_000).tone(2_000, 3_000).pcm();
        List<DetectedSpeech> found = segment(pcm, SETTINGS);
        assertThat(found).singleElement().satisfies(s -> assertThat(s.endMs()).isEqualTo(3_000));
    }

    @Test
    void aGapInMediaTimeCountsAsSilence() {
        UtteranceSegmenter segmenter = new UtteranceSegmenter(SETTINGS);
        short[] voiced = Arrays.copyOfRange(Bursts.silence(100).tone(0, 100).pcm(), 0, 320);
        List<DetectedSpeech> found = new ArrayList<>();
        for (long t = 0; t < 400; t += 20) {
            segmenter.accept(t, voiced).ifPresent(found::add);
        }
        for (long t = 2_000; t < 2_400; t += 20) {
            segmenter.accept(t, voiced).ifPresent(found::add);
        }
        segmenter.flush().ifPresent(found::add);
        assertThat(found).extracting(DetectedSpeech::startMs).containsExactly(0L, 2_000L);
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThatThrownBy(() -> new VadSettings(3, 60, 800, 200, 300, 5_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VadSettings(-45, 60, 200, 200, 300, 5_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
