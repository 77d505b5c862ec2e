package io.earpiece.sip.tls;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates Earpiece accepts when it connects to a trunk over TLS: the one whose SHA-256
 * fingerprint is pinned (a carrier's self-signed certificate), else those a CA in the trunk's CA file issued, else
 * those the JDK's trust store accepts. The exception's message is what the trunk's status shows, so it names the
 * certificate and what it failed.
 */
public final class ServerTrust implements X509TrustManager {
    private final String pin;
    private final X509TrustManager ca;
    private final String what;
    private final String host;

    private ServerTrust(String pin, X509TrustManager ca, String what, String host) {
        this.pin = pin;
        this.ca = ca;
        this.what = what;
        this.host = host;
    }

    /** As {@link #load(String, Path, String)} without a host name check, for checking the settings alone. */
    public static ServerTrust load(String pin, Path trustedCa) {
        return load(pin, trustedCa, null);
    }

    /**
     * @param pin       SHA-256 fingerprint of the only certificate accepted (hex, colons allowed), or null
     * @param trustedCa PEM file of CA certificates, or null for the JDK's trust store (ignored with a pin)
     * @param host      the host Earpiece connects to, which a CA-issued certificate must name (see
     *                  {@link CertificateNames}); null: not checked. A pinned certificate is not checked for it: the
     *                  pin already says which certificate is the carrier's, whatever names it carries
     * @throws TlsMaterialException naming an unreadable CA file
     * @throws IllegalArgumentException for a pin that is not a SHA-256 fingerprint
     */
    public static ServerTrust load(String pin, Path trustedCa, String host) {
        if (pin != null && !pin.isBlank()) {
            return new ServerTrust(TrustMaterial.pin(pin), null, "the pinned certificate", null);
        }
        return new ServerTrust(null, TrustMaterial.caTrustManager(trustedCa),
                trustedCa == null ? "the JDK's trusted CAs" : "the CAs in " + trustedCa, host);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        X509Certificate leaf = chain[0];
        String fingerprint = ClientTrust.fingerprint(leaf);
        if (pin != null) {
            if (!pin.equals(fingerprint)) {
                throw new CertificateException("server certificate " + leaf.getSubjectX500Principal() + " (SHA-256 "
                        + fingerprint + ") does not match " + what + " (SHA-256 " + pin + ")");
            }
            leaf.checkValidity();
            return;
        }
        try {
            ca.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new CertificateException("server certificate " + leaf.getSubjectX500Principal() + " (SHA-256 "
                    + fingerprint + ") is not issued by " + what + ": " + e.getMessage(), e);
        }
        // Any certificate the CA issued would pass the check above: only its names say it is this carrier's.
        if (host != null && !CertificateNames.names(leaf, host)) {
            throw new CertificateException("server certificate " + leaf.getSubjectX500Principal() + " (SHA-256 "
                    + fingerprint + ") does not name " + host + " (it names " + (CertificateNames.of(leaf).isEmpty()
                    ? "no host" : String.join(", ", CertificateNames.of(leaf))) + ")");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a client trust manager");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ca == null ? new X509Certificate[0] : ca.getAcceptedIssuers();
    }
}
