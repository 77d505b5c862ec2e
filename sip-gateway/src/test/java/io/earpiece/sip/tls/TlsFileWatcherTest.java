package io.earpiece.sip.tls;

import io.earpiece.sip.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TlsFileWatcherTest {
    @TempDir
    Path dir;

    @Test
    void renewedCertificateIsLoadedAndAHalfWrittenOneIsNot() throws Exception {
        TestCertificates certs = new TestCertificates(dir.resolve("made"));
        TestCertificates.Issued first = certs.selfSigned("first");
        TestCertificates.Issued second = certs.selfSigned("second");
        Path cert = Files.copy(first.certificatePem(), dir.resolve("tls.crt"));
        Path key = Files.copy(first.keyPem(), dir.resolve("tls.key"));
        List<ServerIdentity> loaded = new ArrayList<>();
        try (TlsFileWatcher watcher = TlsFileWatcher.start(TlsFiles.pem(cert, key), Duration.ofHours(1), "test",
                loaded::add)) {
            watcher.check();
            assertThat(loaded).isEmpty();

            // The new certificate arrives before its key: a mismatch, so the old pair stays in use.
            replace(second.certificatePem(), cert);
            watcher.check();
            assertThat(loaded).isEmpty();

            replace(second.keyPem(), key);
            watcher.check();
            assertThat(loaded).singleElement().satisfies(id -> assertThat(id.leaf()).isEqualTo(second.certificate()));
        }
    }

    private static void replace(Path from, Path to) throws Exception {
        FileTime before = Files.getLastModifiedTime(to);
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        // Coarse file-system clocks could leave the time unchanged; the watcher compares time and size.
        Files.setLastModifiedTime(to, FileTime.from(before.toInstant().plusSeconds(1).isAfter(Instant.now())
                ? before.toInstant().plusSeconds(1) : Instant.now()));
    }
}
