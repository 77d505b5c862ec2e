package io.earpiece.stt.whisper;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhisperBackendTest {

    @Test
    void parsesConfigurationValues() {
        assertThat(WhisperBackend.parse("cpu")).isEqualTo(WhisperBackend.cpu());
        assertThat(WhisperBackend.parse("")).isEqualTo(WhisperBackend.cpu());
        assertThat(WhisperBackend.parse("cuda:/opt/whisper-cuda/lib"))
                .isEqualTo(WhisperBackend.cuda(Paths.get("/opt/whisper-cuda/lib")));
        assertThat(WhisperBackend.parse("CUDA:/x").usesGpu()).isTrue();
        assertThat(WhisperBackend.parse("external:/opt/w")).isEqualTo(WhisperBackend.external(Paths.get("/opt/w")));
        assertThat(WhisperBackend.parse("/opt/w").kind()).isEqualTo(WhisperBackend.Kind.EXTERNAL);
        assertThatThrownBy(() -> WhisperBackend.parse("cuda:")).hasMessageContaining("names no library folder");
    }

    @Test
    void listsTheLibrariesAFolderLacks() throws IOException {
        Path dir = Files.createDirectories(Paths.get("target", "backend-test"));
        Files.writeString(dir.resolve("libwhisper-jni.so"), "");
        Files.deleteIfExists(dir.resolve("libggml.so"));
        assertThat(WhisperBackend.cuda(dir).missingLibraries()).containsExactly("libwhisper.so.1", "libggml.so");
        assertThat(WhisperBackend.cpu().missingLibraries()).isEmpty();
        assertThat(WhisperBackend.cuda(dir).describe()).startsWith("cuda (").endsWith("backend-test)");
    }

    @Test
    void keepsTheOldFourArgumentSettingsOnTheCpu() {
        WhisperSettings s = new WhisperSettings(Paths.get("m.bin"), 2, 1, "en");
        assertThat(s.backend()).isEqualTo(WhisperBackend.cpu());
        assertThat(s.shortAudioContext()).isTrue();
        assertThat(s.withBackend(WhisperBackend.cuda(Paths.get("/l"))).backend().usesGpu()).isTrue();
    }
}
