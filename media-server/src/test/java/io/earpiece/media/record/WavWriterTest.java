package io.earpiece.media.record;

import io.earpiece.media.support.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WavWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesAValidHeaderAndTheSamples() throws Exception {
        Path file = dir.resolve("sub/leg.wav");
        short[] samples = {0, 1, -1, 32767, -32768};
        try (WavWriter writer = new WavWriter(file, 16000, 16000)) {
            writer.write(samples, 0, samples.length);
        }
        WavFile wav = WavFile.read(file);
        assertThat(wav.sampleRate()).isEqualTo(16000);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.bitsPerSample()).isEqualTo(16);
        assertThat(wav.dataSize()).isEqualTo(10);
        assertThat(wav.riffSize()).isEqualTo(46);
        assertThat(wav.samples()).containsExactly(samples);
    }

    @Test
    void headerIsPatchedWhileWritingSoAnAbandonedFileStaysReadable() throws Exception {
        Path file = dir.resolve("streaming.wav");
        WavWriter writer = new WavWriter(file, 16000, 1000);
        short[] chunk = new short[320];
        for (int i = 0; i < 10; i++) {
            writer.write(chunk, 0, chunk.length);
        }
        // Not closed: what is on disk must already describe most of the data.
        WavFile partial = WavFile.read(file);
        assertThat(partial.dataSize()).isGreaterThanOrEqualTo(2 * 3000 - 2 * 1000);
        assertThat(partial.samples()).hasSize(partial.dataSize() / 2);
        writer.close();
        assertThat(WavFile.read(file).dataSize()).isEqualTo(2 * 3200);
    }
}
