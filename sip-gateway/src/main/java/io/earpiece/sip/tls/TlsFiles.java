package io.earpiece.sip.tls;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a server's TLS identity and (for mutual TLS) its trust come from: either a PEM certificate chain with its
 * PEM private key, or a PKCS#12 store.
 *
 * @param certificate        PEM file with the server certificate first, then any intermediates; null with a keystore
 * @param privateKey         PEM file with the certificate's key (PKCS#8, encrypted PKCS#8 or PKCS#1 RSA)
 * @param privateKeyPassword password of an encrypted PKCS#8 key; null or empty for a clear key
 * @param keystore           PKCS#12 file with one key entry, instead of the two PEM files
 * @param keystorePassword   the PKCS#12 store's password (also the key's)
 * @param trustedCa          PEM file of CA certificates whose clients are accepted when client certificates are
 *                           required; null for none
 * @param pinnedCertificates SHA-256 fingerprints (hex, colons allowed) of client certificates accepted as they are,
 *                           whoever signed them
 */
public record TlsFiles(Path certificate, Path privateKey, String privateKeyPassword, Path keystore,
                       String keystorePassword, Path trustedCa, List<String> pinnedCertificates) {

    public TlsFiles {
        pinnedCertificates = pinnedCertificates == null ? List.of() : List.copyOf(pinnedCertificates);
        if (keystore == null && (certificate == null || privateKey == null)) {
            throw new IllegalArgumentException("TLS needs a certificate and private-key (PEM) or a keystore (PKCS#12)");
        }
        if (keystore != null && (certificate != null || privateKey != null)) {
            throw new IllegalArgumentException("TLS takes either certificate and private-key (PEM) or a keystore "
                    + "(PKCS#12), not both");
        }
    }

    /** PEM certificate and key, no client trust. */
    public static TlsFiles pem(Path certificate, Path privateKey) {
        return new TlsFiles(certificate, privateKey, null, null, null, null, List.of());
    }

    /** The files the identity is read from, for watching them. */
    public List<Path> identityFiles() {
        return keystore != null ? List.of(keystore) : List.of(certificate, privateKey);
    }

    /** Whether client certificates can be checked against anything (a CA file or pins). */
    public boolean hasClientTrust() {
        return trustedCa != null || !pinnedCertificates.isEmpty();
    }
}
