package io.earpiece.media.record;

import io.earpiece.media.support.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A recording on a disk that fills mid-call (a fault-injecting channel; {@code DiskFullIT} uses a real tmpfs). */
class WavWriterDiskFullTest {

    @TempDir
    Path dir;

    private FullDiskChannel disk(Path file, long capacity) throws IOException {
        return new FullDiskChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ), capacity);
    }

    @Test
    void aFullDiskEndsTheRecordingOnceAndLeavesAValidWav() throws Exception {
        Path file = dir.resolve("leg.wav");
        FullDiskChannel channel = disk(file, 44 + 16_000);
        WavWriter writer = new WavWriter(channel, 16000, 1600);
        short[] frame = new short[320];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) (i * 50);
        }
        int failures = 0;
        for (int i = 0; i < 200; i++) { // 4 s of 20 ms frames on room for 0.5 s
            try {
                writer.write(frame, 0, frame.length);
            } catch (RecordingFailedException e) {
                failures++;
                assertThat(e).hasMessageContaining("No space left on device");
                assertThat(e.samplesStored()).isPositive().isLessThanOrEqualTo(8_000);
            }
        }
        int triedAfterFull = channel.writesAfterFull;
        writer.close();

        assertThat(failures).as("reported once, not per frame").isEqualTo(1);
        assertThat(writer.failure()).hasMessage("No space left on device");
        assertThat(triedAfterFull).as("no further writes once full").isEqualTo(1);
        assertThat(channel.writesAfterFull).as("close does not try again").isEqualTo(1);
        WavFile wav = WavFile.read(file);
        assertThat(wav.dataSize()).isPositive().isLessThanOrEqualTo((int) (Files.size(file) - 44));
        assertThat(wav.riffSize()).isEqualTo(36 + wav.dataSize());
        assertThat(wav.samples()).startsWith(frame);
    }

    @Test
    void aDiskFullAtTheStartFailsTheOpenAndLeavesNoChannelOpen() throws Exception {
        FullDiskChannel channel = disk(dir.resolve("none.wav"), 10);
        assertThatThrownBy(() -> new WavWriter(channel, 16000, 1600)).isInstanceOf(IOException.class)
                .hasMessage("No space left on device");
        assertThat(channel.isOpen()).isFalse();
    }
}
