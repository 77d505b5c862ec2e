package io.earpiece.sip.tls;

import io.earpiece.sip.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerTrustTest {
    @TempDir
    static Path dir;
    static TestCertificates.Issued ca;
    static TestCertificates.Issued issued;
    static TestCertificates.Issued other;

    @BeforeAll
    static void certificates() throws IOException {
        TestCertificates certs = new TestCertificates(dir);
        ca = certs.certificateAuthority("carrier-ca");
        issued = certs.signedBy(ca, "carrier");
        other = certs.selfSigned("other");
    }

    private static X509Certificate[] chain(TestCertificates.Issued i) {
        return new X509Certificate[] {i.certificate()};
    }

    @Test
    void aPinAcceptsOnlyThatCertificateAndSaysWhichOneCame() {
        ServerTrust trust = ServerTrust.load(ClientTrust.fingerprint(other.certificate()).toUpperCase(), null);
        assertThatCode(() -> trust.checkServerTrusted(chain(other), "RSA")).doesNotThrowAnyException();
        assertThatThrownBy(() -> trust.checkServerTrusted(chain(issued), "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("CN=carrier")
                .hasMessageContaining(ClientTrust.fingerprint(issued.certificate()))
                .hasMessageContaining("does not match the pinned certificate");
    }

    @Test
    void aCaFileAcceptsWhatItIssuedAndNothingElse() {
        ServerTrust trust = ServerTrust.load(null, ca.certificatePem());
        assertThatCode(() -> trust.checkServerTrusted(chain(issued), "RSA")).doesNotThrowAnyException();
        assertThatThrownBy(() -> trust.checkServerTrusted(chain(other), "RSA"))
                .hasMessageContaining("CN=other").hasMessageContaining("is not issued by the CAs in");
    }

    @Test
    void aCaIssuedCertificateMustNameTheHostConnectedTo() {
        assertThatCode(() -> ServerTrust.load(null, ca.certificatePem(), "127.0.0.1")
                .checkServerTrusted(chain(issued), "ECDHE_ECDSA")).doesNotThrowAnyException();
        assertThatCode(() -> ServerTrust.load(null, ca.certificatePem(), "LOCALHOST")
                .checkServerTrusted(chain(issued), "ECDHE_ECDSA")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ServerTrust.load(null, ca.certificatePem(), "sip.carrier.example")
                .checkServerTrusted(chain(issued), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("CN=carrier")
                .hasMessageContaining("does not name sip.carrier.example (it names localhost, 127.0.0.1)");
        assertThatThrownBy(() -> ServerTrust.load(null, ca.certificatePem(), "127.0.0.2")
                .checkServerTrusted(chain(issued), "ECDHE_ECDSA")).hasMessageContaining("does not name 127.0.0.2");
    }

    @Test
    void aPinnedCertificateNeedsNoMatchingName() {
        assertThatCode(() -> ServerTrust.load(ClientTrust.fingerprint(issued.certificate()), null,
                "sip.carrier.example").checkServerTrusted(chain(issued), "ECDHE_ECDSA")).doesNotThrowAnyException();
    }

    @Test
    void aBadPinOrCaFileIsRefusedNamingIt() throws IOException {
        assertThatThrownBy(() -> ServerTrust.load("abc", null)).hasMessageContaining("SHA-256 fingerprint");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> ServerTrust.load(null, junk)).isInstanceOf(TlsMaterialException.class)
                .hasMessageContaining("junk.pem");
    }
}
