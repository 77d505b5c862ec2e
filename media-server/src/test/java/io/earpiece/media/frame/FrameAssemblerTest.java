package io.earpiece.media.frame;

import io.earpiece.media.AudioFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrameAssemblerTest {

    @Test
    void cutsExactTwentyMillisecondFramesWithMediaTime() {
        List<AudioFrame> frames = new ArrayList<>();
        FrameAssembler assembler = new FrameAssembler("leg", frames::add);
        short[] chunk = new short[300];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (short) i;
        }
        for (int i = 0; i < 4; i++) {
            assembler.append(chunk, 0, chunk.length);
        }
        assertThat(frames).hasSize(3);
        assertThat(frames).extracting(AudioFrame::mediaTimeMs).containsExactly(0L, 20L, 40L);
        assertThat(frames).allSatisfy(f -> assertThat(f.samples()).hasSize(320));
        assertThat(frames.get(1).samples()[0]).isEqualTo((short) 20);
        assembler.flush();
        assertThat(frames).hasSize(4);
        AudioFrame last = frames.get(3);
        assertThat(last.mediaTimeMs()).isEqualTo(60);
        assertThat(last.samples()[239]).isEqualTo((short) 299);
        assertThat(last.samples()[240]).isZero();
        assertThat(last.legId()).isEqualTo("leg");
    }
}
