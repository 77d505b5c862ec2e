package io.earpiece.sip.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed and CA-signed test certificates made by the JDK's keytool (no extra library), written as PEM
 * certificate + PKCS#8 key and as PKCS#12, so tests and peers (sipp, openssl, curl) can use either form.
 */
public final class TestCertificates {
    public static final String PASSWORD = "changeit";

    private final Path dir;

    public TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** One certificate and key in the three forms. */
    public record Issued(String name, Path certificatePem, Path keyPem, Path pkcs12, X509Certificate certificate) {
    }

    /** A self-signed certificate for localhost and 127.0.0.1. */
    public Issued selfSigned(String name) throws IOException {
        return selfSigned(name, "dns:localhost,ip:127.0.0.1");
    }

    /** A self-signed certificate naming {@code alternativeNames} (keytool's SAN syntax: {@code dns:a,ip:b}). */
    public Issued selfSigned(String name, String alternativeNames) throws IOException {
        fresh(name);
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=" + alternativeNames,
                "-keystore", p12(name).toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return export(name, null);
    }

    /** A certificate signed by {@code ca} (itself made by {@link #selfSigned} with a CA extension). */
    public Issued signedBy(Issued ca, String name) throws IOException {
        fresh(name);
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-keystore", p12(name).toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        Path csr = dir.resolve(name + ".csr");
        keytool("-certreq", "-alias", name, "-keystore", p12(name).toString(), "-storepass", PASSWORD,
                "-file", csr.toString());
        Path signed = dir.resolve(name + ".signed.pem");
        keytool("-gencert", "-alias", ca.name(), "-keystore", ca.pkcs12().toString(), "-storepass", PASSWORD,
                "-infile", csr.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "2",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1");
        keytool("-importcert", "-noprompt", "-alias", ca.name(), "-file", ca.certificatePem().toString(),
                "-keystore", p12(name).toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", name, "-file", signed.toString(),
                "-keystore", p12(name).toString(), "-storepass", PASSWORD);
        return export(name, ca);
    }

    /** A self-signed CA certificate that can sign others. */
    public Issued certificateAuthority(String name) throws IOException {
        fresh(name);
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "bc:c", "-keystore", p12(name).toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        return export(name, null);
    }

    /** keytool refuses an alias that exists: a rerun in the same folder starts from nothing. */
    private void fresh(String name) throws IOException {
        Files.deleteIfExists(p12(name));
    }

    private Path p12(String name) {
        return dir.resolve(name + ".p12");
    }

    private Issued export(String name, Issued ca) throws IOException {
        try (InputStream in = Files.newInputStream(p12(name))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            PrivateKey key = (PrivateKey) store.getKey(name, PASSWORD.toCharArray());
            Certificate[] chain = store.getCertificateChain(name);
            List<String> pem = new ArrayList<>();
            for (Certificate c : chain) {
                pem.add(pem("CERTIFICATE", c.getEncoded()));
            }
            Path cert = dir.resolve(name + ".crt.pem");
            Path keyFile = dir.resolve(name + ".key.pem");
            Files.writeString(cert, String.join("", pem), StandardCharsets.US_ASCII);
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
            return new Issued(name, cert, keyFile, p12(name), (X509Certificate) chain[0]);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read back " + p12(name), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
