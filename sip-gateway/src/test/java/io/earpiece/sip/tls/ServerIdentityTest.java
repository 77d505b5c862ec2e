package io.earpiece.sip.tls;

import io.earpiece.sip.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerIdentityTest {
    @TempDir
    static Path dir;
    static TestCertificates.Issued server;
    static TestCertificates.Issued other;

    @BeforeAll
    static void certificates() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        server = certs.selfSigned("server");
        other = certs.selfSigned("other");
    }

    @Test
    void readsPemCertificateAndKey() {
        ServerIdentity id = ServerIdentity.load(TlsFiles.pem(server.certificatePem(), server.keyPem()));
        assertThat(id.leaf()).isEqualTo(server.certificate());
        assertThat(TlsContexts.create(id, null).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void readsPkcs12() {
        ServerIdentity id = ServerIdentity.load(new TlsFiles(null, null, null, server.pkcs12(),
                TestCertificates.PASSWORD, null, List.of()));
        assertThat(id.leaf()).isEqualTo(server.certificate());
    }

    @Test
    void mismatchedKeyNamesTheKeyFileAndTheCertificate() {
        assertThatThrownBy(() -> ServerIdentity.load(TlsFiles.pem(server.certificatePem(), other.keyPem())))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessageContaining(other.keyPem().toString())
                .hasMessageContaining("does not match the certificate in " + server.certificatePem());
    }

    @Test
    void unreadableFileIsNamed() {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> ServerIdentity.load(TlsFiles.pem(missing, server.keyPem())))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessageStartingWith(missing + ": cannot read");
    }

    @Test
    void notPemIsNamed() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello");
        assertThatThrownBy(() -> ServerIdentity.load(TlsFiles.pem(server.certificatePem(), garbage)))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessage(garbage + ": no PEM block (-----BEGIN ...-----) found");
    }

    @Test
    void wrongKeystorePasswordIsNamed() {
        assertThatThrownBy(() -> ServerIdentity.load(new TlsFiles(null, null, null, server.pkcs12(), "wrong",
                null, List.of())))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessageStartingWith(server.pkcs12() + ": wrong keystore password");
    }

    @Test
    void pinnedCertificateIsTrustedAndOthersAreNot() throws Exception {
        String pin = ClientTrust.fingerprint(other.certificate());
        ClientTrust trust = ClientTrust.load(null, List.of(pin.toUpperCase()));
        trust.checkClientTrusted(new X509Certificate[] {other.certificate()}, "EC");
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {server.certificate()}, "EC"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void caSignedClientIsTrusted() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        TestCertificates.Issued ca = certs.certificateAuthority("ca");
        TestCertificates.Issued client = certs.signedBy(ca, "client");
        ClientTrust trust = ClientTrust.load(ca.certificatePem(), List.of());
        trust.checkClientTrusted(new X509Certificate[] {client.certificate(), ca.certificate()}, "EC");
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {other.certificate()}, "EC"))
                .isInstanceOf(CertificateException.class);
        // The signed chain's PEM has the leaf first and the CA after it, and loads as a server identity too.
        assertThat(ServerIdentity.load(TlsFiles.pem(client.certificatePem(), client.keyPem())).chain()).hasSize(2);
    }
}
