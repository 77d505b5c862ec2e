package io.earpiece.console.tls;

import io.earpiece.console.testing.BrowserScript;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console over HTTPS with a self-signed certificate made by the test: the API answers with HSTS, plain HTTP on
 * the redirect port gets 308 to the same path over HTTPS, plain HTTP on the HTTPS port gets no page, and renewed
 * certificate files are served to new connections without a restart. Headless Chromium, trusting only the test
 * certificates' keys, follows the redirect and signs in: a secure context, Secure cookies and events over wss://.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=45300", "earpiece.rtp.port-max=45319",
        "earpiece.data-dir=target/it-data/https", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:https;DB_CLOSE_DELAY=-1",
        "earpiece.telephony.enabled=false",
        "earpiece.tls.enabled=true", "earpiece.tls.http-redirect-port=0", "earpiece.tls.reload-interval=1s"})
class HttpsIT {
    static final Path DIR = Path.of("target", "it-data", "https-certs");
    static TestCertificates.Issued server;
    static TestCertificates.Issued renewed;
    /** The files the server reads: the first certificate's copies, replaced by the renewed one in a test. */
    static Path liveCertificate;
    static Path liveKey;

    @DynamicPropertySource
    static void certificate(DynamicPropertyRegistry registry) {
        try {
            TestCertificates certs = new TestCertificates(DIR);
            server = certs.selfSigned("console");
            renewed = certs.selfSigned("console-renewed");
            liveCertificate = Files.copy(server.certificatePem(), DIR.resolve("live.crt"),
                    StandardCopyOption.REPLACE_EXISTING).toAbsolutePath();
            liveKey = Files.copy(server.keyPem(), DIR.resolve("live.key"), StandardCopyOption.REPLACE_EXISTING)
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("earpiece.tls.certificate", () -> liveCertificate.toString());
        registry.add("earpiece.tls.private-key", () -> liveKey.toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    HttpRedirectServer redirect;

    WebTestClient https() {
        HttpClient client = HttpClient.create().secure(ssl -> ssl.sslContext(
                Http11SslContextSpec.forClient().configure(b -> b.trustManager(server.certificate(),
                        renewed.certificate()))));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client))
                .baseUrl("https://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void apiIsServedOverHttpsWithHsts() {
        HttpHeaders headers = https().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders();
        assertThat(headers.getFirst("Strict-Transport-Security")).contains("max-age=31536000");
        https().get().uri("/api/calls").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void plainHttpIsRedirectedToTheSamePathOverHttps() {
        assertThat(redirect.port()).isPositive();
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + redirect.port()).build();
        http.get().uri("/calls/abc?tab=cards").exchange().expectStatus().isPermanentRedirect()
                .expectHeader().valueEquals("Location", "https://127.0.0.1:" + port + "/calls/abc?tab=cards");
        http.post().uri("/api/auth/login").exchange().expectStatus().isPermanentRedirect()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void renewedCertificateIsServedWithoutARestart() throws Exception {
        assertThat(servedCertificate()).isIn(server.certificate(), renewed.certificate());
        // The key first: until the certificate follows, the pair does not match and the old one stays in use.
        Files.copy(renewed.keyPem(), liveKey, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(renewed.certificatePem(), liveCertificate, StandardCopyOption.REPLACE_EXISTING);
        await().atMost(Duration.ofSeconds(20)).until(() -> servedCertificate().equals(renewed.certificate()));
        https().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    /** The certificate a new TLS connection to the HTTPS port is shown. */
    X509Certificate servedCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("a", server.certificate());
        trust.setCertificateEntry("b", renewed.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void plainHttpOnTheHttpsPortGetsNoPage() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(5)).build();
        boolean served;
        try {
            http.get().uri("/actuator/health").exchange().expectStatus().isOk();
            served = true;
        } catch (AssertionError | RuntimeException e) {
            served = false;
        }
        assertThat(served).as("the HTTPS port answers plain HTTP").isFalse();
    }

    @Test
    void chromiumFollowsTheRedirectAndSignsInOverHttps() throws Exception {
        String why = BrowserScript.unavailable();
        assumeTrue(why == null, "SKIPPED the browser check: " + why);
        // Either certificate may be served, depending on whether the renewal test ran first.
        String spki = spki(server.certificate()) + "," + spki(renewed.certificate());
        BrowserScript.Result run = BrowserScript.run("https-console.mjs", Map.of(
                "HTTP_URL", "http://127.0.0.1:" + redirect.port(), "HTTPS_URL", "https://127.0.0.1:" + port,
                "SPKI", spki, "E2E_USERNAME", TestAuth.ADMIN, "E2E_PASSWORD", TestAuth.ADMIN_PASSWORD),
                Duration.ofMinutes(2));
        assertThat(run.exitCode()).as("browser script exit code; output:%n%s", run.output()).isZero();
    }

    /** What Chromium's --ignore-certificate-errors-spki-list takes: base64 of the SHA-256 of the public key info. */
    static String spki(X509Certificate certificate) throws Exception {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    }
}
