package io.earpiece.sip.tls;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.X509TrustManager;

/**
 * Which client certificates a mutual-TLS listener accepts: those issued by a CA in the trusted CA file, and those
 * whose SHA-256 fingerprint is pinned (a peer's self-signed certificate). Anything else fails the handshake.
 */
public final class ClientTrust implements X509TrustManager {
    private final X509TrustManager ca;
    private final Set<String> pins;
    private volatile Runnable onRefused = () -> { };

    private ClientTrust(X509TrustManager ca, Set<String> pins) {
        this.ca = ca;
        this.pins = pins;
    }

    /** Called for every client certificate refused (for a counter); replaces the previous one. */
    public ClientTrust onRefused(Runnable callback) {
        this.onRefused = callback;
        return this;
    }

    /** Reads the CA file (if any) and the pins; throws {@link TlsMaterialException} naming a bad CA file. */
    public static ClientTrust load(Path trustedCa, List<String> pinnedCertificates) {
        X509TrustManager ca = trustedCa == null ? null : TrustMaterial.caTrustManager(trustedCa);
        Set<String> pins = pinnedCertificates.stream().map(TrustMaterial::pin).collect(Collectors.toSet());
        return new ClientTrust(ca, pins);
    }

    /** The SHA-256 fingerprint of a certificate, lower-case hex without colons, as pins are compared. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            check(chain, authType);
        } catch (CertificateException e) {
            onRefused.run();
            throw e;
        }
    }

    private void check(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        if (pins.contains(fingerprint(chain[0]))) {
            chain[0].checkValidity();
            return;
        }
        if (ca == null) {
            throw new CertificateException("client certificate " + chain[0].getSubjectX500Principal()
                    + " is not pinned");
        }
        ca.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // Earpiece as a TLS client (the trunk) checks servers with the JDK's own trust, not with this.
        throw new CertificateException("not a server trust manager");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ca == null ? new X509Certificate[0] : ca.getAcceptedIssuers();
    }
}
