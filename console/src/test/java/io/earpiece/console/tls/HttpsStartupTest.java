package io.earpiece.console.tls;

import io.earpiece.sip.testing.TestCertificates;
import io.earpiece.sip.tls.TlsMaterialException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad certificate or key stops the start with a message naming the file and what to do. */
class HttpsStartupTest {
    @TempDir
    Path dir;

    @Test
    void mismatchedKeyStopsTheStartNamingTheFile() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        TestCertificates.Issued a = certs.selfSigned("a");
        TestCertificates.Issued b = certs.selfSigned("b");
        HttpsProperties p = new HttpsProperties(true, a.certificatePem(), b.keyPem(), "", null, "", -1,
                Duration.ZERO);
        assertThatThrownBy(() -> new HttpsConfiguration().httpsIdentity(p))
                .isInstanceOf(TlsMaterialException.class)
                .satisfies(e -> {
                    FailureAnalysis analysis = new TlsMaterialFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains(b.keyPem().toString(), "does not match");
                    assertThat(analysis.getAction()).contains("Fix " + b.keyPem(), "earpiece.tls.*");
                });
    }

    @Test
    void missingSettingIsNamed() {
        HttpsProperties p = new HttpsProperties(true, null, null, "", null, "", -1, Duration.ZERO);
        assertThatThrownBy(p::files).hasMessageStartingWith("earpiece.tls: TLS needs a certificate and private-key");
    }
}
