package io.earpiece.sip.trunk;

import java.nio.file.Path;

/**
 * How Earpiece checks a TLS trunk's server and proves itself to it. Unused unless the trunk's transport is tls.
 *
 * @param serverPin         SHA-256 fingerprint (hex, colons allowed) of the only server certificate accepted; the
 *                          usual choice for a carrier's self-signed certificate. Null: check by CA instead
 * @param trustedCa         PEM file of the CAs that may issue the server's certificate; null (and no pin): the
 *                          gateway's default client CA file, else the JDK's trust store
 * @param clientCertificate PEM certificate chain presented for mutual TLS; null: none presented
 * @param clientKey         PEM private key of {@code clientCertificate}
 */
public record TrunkTls(String serverPin, Path trustedCa, Path clientCertificate, Path clientKey) {
    /** No pin, no CA of its own, no client certificate. */
    public static final TrunkTls DEFAULTS = new TrunkTls(null, null, null, null);

    public TrunkTls {
        serverPin = serverPin == null || serverPin.isBlank() ? null : serverPin.strip();
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new TrunkConfigException(clientCertificate == null ? "tls.clientCertificate" : "tls.clientKey",
                    "mutual TLS needs both a client certificate and its private key");
        }
    }

    /** Whether a client certificate is presented (mutual TLS). */
    public boolean mutual() {
        return clientCertificate != null;
    }

    /** This trunk's settings, with the gateway's default CA file where the trunk names neither a pin nor a CA. */
    public TrunkTls withDefaultCa(Path defaultCa) {
        return serverPin == null && trustedCa == null ? new TrunkTls(null, defaultCa, clientCertificate, clientKey)
                : this;
    }
}
