package io.earpiece.console.upload;

import io.earpiece.console.testing.TmpfsVolume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An upload's recording written onto a volume that fills part-way (a real 256 KB tmpfs; needs root, skipped
 * elsewhere): the write fails with the kernel's ENOSPC, leaves no half file holding the space, and a recording
 * already stored under the same name is left as it was.
 */
class WavFileDiskFullTest {

    private TmpfsVolume volume;

    @BeforeEach
    void mount() throws Exception {
        volume = TmpfsVolume.mount(Path.of("target", "it-data", "wav-disk-full").toAbsolutePath(), 256);
        assumeTrue(volume != null, "cannot mount a tmpfs here (needs root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (volume != null) {
            volume.close();
        }
    }

    @Test
    void aRecordingThatDoesNotFitLeavesNothingBehindAndTheStoredOneIntact() throws Exception {
        Path file = volume.path().resolve("mixed.wav");
        short[] second = new short[16_000]; // 32 KB: fits
        WavFile.write(file, second, 16_000);
        byte[] stored = Files.readAllBytes(file);
        long freeBefore = volume.free();

        short[] tenSeconds = new short[160_000]; // 320 KB: does not
        assertThatThrownBy(() -> WavFile.write(file, tenSeconds, 16_000)).isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");

        try (Stream<Path> left = Files.list(volume.path())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("mixed.wav");
        }
        assertThat(Files.readAllBytes(file)).as("the stored recording").isEqualTo(stored);
        assertThat(volume.free()).as("the space of the failed write is free again").isEqualTo(freeBefore);
    }
}
