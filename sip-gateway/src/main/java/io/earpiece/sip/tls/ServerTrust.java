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

    private ServerTrust(String pin, X509TrustManager ca, String what) {
        this.pin = pin;
        this.ca = ca;
        this.what = what;
    }

    /**
     * @param pin       SHA-256 fingerprint of the only certificate accepted (hex, colons allowed), or null
     * @param trustedCa PEM file of CA certificates, or null for the JDK's trust store (ignored with a pin)
     * @throws TlsMaterialException naming an unreadable CA file
     * @throws IllegalArgumentException for a pin that is not a SHA-256 fingerprint
     */
    public static ServerTrust load(String pin, Path trustedCa) {
        if (pin != null && !pin.isBlank()) {
            return new ServerTrust(TrustMaterial.pin(pin), null, "the pinned certificate");
        }
        return new ServerTrust(null, TrustMaterial.caTrustManager(trustedCa),
                trustedCa == null ? "the JDK's trusted CAs" : "the CAs in " + trustedCa);
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
