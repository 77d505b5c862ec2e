package io.earpiece.sip.tls;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** SSL contexts for Earpiece's listeners: TLS 1.2 and 1.3 only, with the JDK's current cipher suites for them. */
public final class TlsContexts {
    /** TLS 1.0 and 1.1 are deprecated (RFC 8996); carriers and browsers speak 1.2 at least. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContexts() {
    }

    /**
     * @param trust client certificates to accept, or null to use the JDK's trust store (for Earpiece's own outgoing
     *              connections, and for listeners that do not ask for client certificates)
     */
    public static SSLContext create(ServerIdentity identity, TrustManager trust) {
        return create(new SwappableKeyManager(identity), trust);
    }

    /** A context whose identity follows {@code keys} (see {@link SwappableKeyManager#swap}). */
    public static SSLContext create(SwappableKeyManager keys, TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new javax.net.ssl.KeyManager[] {keys}, trust == null ? null : new TrustManager[] {trust},
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }

    /** The context's default cipher suites that TLS 1.2 or 1.3 can use (JAIN-SIP's own list is from 2009). */
    public static String[] cipherSuites(SSLContext context) {
        return Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
                .filter(s -> s.startsWith("TLS_") && !s.contains("_anon_") && !s.contains("_NULL_"))
                .toArray(String[]::new);
    }
}
