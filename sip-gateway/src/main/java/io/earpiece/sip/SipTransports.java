package io.earpiece.sip;

import io.earpiece.sip.tls.TlsFiles;

import java.time.Duration;
import java.util.Objects;

/**
 * The stream listeners beside UDP (which always runs on the gateway's port).
 *
 * @param tcp            listen on TCP on the UDP port too (RFC 3261 18: servers take both on the same port)
 * @param tlsPort        TLS port, -1 for none, 0 for an ephemeral one; 5061 by convention
 * @param tlsFiles       certificate, key and client trust of the TLS listener; required when {@code tlsPort} is on
 * @param clientAuth     whether TLS clients must present a certificate the trust in {@code tlsFiles} accepts
 * @param reloadInterval how often the certificate files are checked for a renewal (0: never)
 */
public record SipTransports(boolean tcp, int tlsPort, TlsFiles tlsFiles, ClientAuth clientAuth, Duration reloadInterval) {

    /** Mutual TLS: what a TLS client must show. */
    public enum ClientAuth {
        /** No client certificate is asked for. */
        NONE,
        /** Asked for and checked when given; a client without one is still served. */
        WANT,
        /** Required: a client without a trusted certificate fails the handshake. */
        NEED
    }

    /** UDP only. */
    public static final SipTransports UDP_ONLY = new SipTransports(false, -1, null, ClientAuth.NONE, Duration.ZERO);

    public SipTransports {
        if (tlsPort < -1 || tlsPort > 65535) {
            throw new IllegalArgumentException("tlsPort out of range: " + tlsPort);
        }
        clientAuth = Objects.requireNonNullElse(clientAuth, ClientAuth.NONE);
        reloadInterval = Objects.requireNonNullElse(reloadInterval, Duration.ZERO);
        if (tlsPort >= 0 && tlsFiles == null) {
            throw new IllegalArgumentException("a TLS port needs a certificate and key (earpiece.sip.tls.*)");
        }
        if (clientAuth != ClientAuth.NONE && (tlsFiles == null || !tlsFiles.hasClientTrust())) {
            throw new IllegalArgumentException("client-auth " + clientAuth.name().toLowerCase()
                    + " needs a trusted-ca file or pinned-certificates to check clients against");
        }
    }

    public boolean tls() {
        return tlsPort >= 0;
    }
}
