package io.earpiece.sip.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What both ends of Earpiece's TLS trust is built from: a CA file read into a trust manager, and a certificate pin
 * checked and written the way pins are compared. {@link ClientTrust} (who may connect to us) and {@link ServerTrust}
 * (whom we connect to) read them the same way.
 */
final class TrustMaterial {
    private TrustMaterial() {
    }

    /**
     * The JDK's X.509 trust manager over the certificates of a PEM CA file, or over the JDK's own trust store when
     * {@code trustedCa} is null.
     *
     * @throws TlsMaterialException naming a CA file that cannot be read or used
     */
    static X509TrustManager caTrustManager(Path trustedCa) {
        try {
            KeyStore store = null;
            if (trustedCa != null) {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                int i = 0;
                for (X509Certificate c : PemFile.certificates(trustedCa)) {
                    store.setCertificateEntry("ca-" + i++, c);
                }
            }
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X.509 trust manager in this JDK");
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsMaterialException(trustedCa, "cannot use as a CA file", e);
        }
    }

    /**
     * A pinned certificate's SHA-256 fingerprint as pins are compared: lower-case hex without colons.
     *
     * @throws IllegalArgumentException for anything that is not 64 hex digits once colons are dropped
     */
    static String pin(String fingerprint) {
        String p = fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
        if (!p.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("pinned certificate is not a SHA-256 fingerprint (64 hex digits): "
                    + fingerprint);
        }
        return p;
    }
}
