package io.earpiece.assist.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFolderTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsLeavesNoPartOfTheFileBehind() throws Exception {
        CacheFolder folder = new CacheFolder(dir, "x-", ".bin");
        // a non-empty folder where the file should go: the move into place fails, as a full disk fails the write
        Files.createDirectories(folder.file("k").resolve("occupied"));
        assertThat(folder.write("k", new byte[4096], "nothing lost but time")).isFalse();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("x-k.bin");
        }
        assertThat(folder.read("k")).as("a folder is no cache file").isEmpty();
    }

    @Test
    void writtenBytesReadBackAndAnOffCacheHoldsNothing() throws Exception {
        CacheFolder folder = new CacheFolder(dir, "x-", ".bin");
        assertThat(folder.write("k", new byte[] {1, 2, 3}, "lost")).isTrue();
        assertThat(folder.read("k")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        CacheFolder off = new CacheFolder(null, "x-", ".bin");
        assertThat(off.write("k", new byte[] {1}, "lost")).isFalse();
        assertThat(off.read("k")).isEmpty();
        assertThat(off.enabled()).isFalse();
    }

    @Test
    void keysSeparateTheirParts() {
        assertThat(CacheFolder.key(List.of("ab", "c"))).isNotEqualTo(CacheFolder.key(List.of("a", "bc")))
                .hasSize(64).isEqualTo(CacheFolder.key(List.of("ab", "c")));
    }
}
