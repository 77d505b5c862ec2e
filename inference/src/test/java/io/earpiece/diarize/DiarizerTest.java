package io.earpiece.diarize;

import io.earpiece.stt.testaudio.Bursts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiarizerTest {

    private final Diarizer diarizer = new Diarizer(DiarizationSettings.defaults());

    @Test
    void oneSpeakerPerChannel() {
        short[] left = Bursts.silence(6_000).tone(500, 2_000).tone(4_000, 5_000).pcm();
        short[] right = Bursts.silence(6_000).tone(2_500, 3_500).pcm();
        List<SpeakerTurn> turns = diarizer.diarize(List.of(left, right));
        assertThat(turns).extracting(SpeakerTurn::speaker)
                .containsExactly("Speaker 1", "Speaker 2", "Speaker 1");
        assertThat(turns).extracting(SpeakerTurn::channel).containsExactly(0, 1, 0);
    }

    @Test
    void duplicatedChannelsAreDiarizedAsMono() {
        short[] pcm = Bursts.silence(4_000).tone(500, 2_000).pcm();
        List<SpeakerTurn> turns = diarizer.diarize(List.of(pcm, pcm.clone()));
        assertThat(turns).hasSize(1);
        assertThat(turns.get(0).channel()).isZero();
        assertThat(turns.get(0).speaker()).isEqualTo("Speaker 1");
    }

    @Test
    void silenceHasNoTurns() {
        assertThat(diarizer.diarize(List.of(new short[48_000]))).isEmpty();
    }
}
