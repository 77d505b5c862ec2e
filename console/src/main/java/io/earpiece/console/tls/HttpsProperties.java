package io.earpiece.console.tls;

import io.earpiece.sip.tls.TlsFiles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;

/**
 * HTTPS for the console, the API and the WebSockets ({@code earpiece.tls.*}). Off by default: the embedded setup
 * serves plain HTTP on {@code server.port}. On, {@code server.port} speaks HTTPS with these files (the same
 * files may serve SIP over TLS, {@code earpiece.sip.tls.*}), HSTS is sent, and {@code http-redirect-port}, when set,
 * answers plain HTTP with a redirect to the HTTPS address.
 *
 * @param enabled            serve HTTPS on {@code server.port}
 * @param certificate        PEM certificate chain, server certificate first
 * @param privateKey         PEM private key of the certificate (PKCS#8, encrypted PKCS#8 or PKCS#1 RSA)
 * @param privateKeyPassword password of an encrypted key; empty for a clear one
 * @param keystore           PKCS#12 file instead of the two PEM files
 * @param keystorePassword   the PKCS#12 file's password
 * @param httpRedirectPort   plain-HTTP port whose every request gets 308 to the same path over HTTPS; -1: none
 * @param reloadInterval     how often the files are checked for changes; a changed, valid pair is served to new
 *                           connections without a restart (0: never)
 */
@ConfigurationProperties("earpiece.tls")
public record HttpsProperties(
        @DefaultValue("false") boolean enabled,
        Path certificate,
        Path privateKey,
        @DefaultValue("") String privateKeyPassword,
        Path keystore,
        @DefaultValue("") String keystorePassword,
        @DefaultValue("-1") int httpRedirectPort,
        @DefaultValue("60s") java.time.Duration reloadInterval) {

    /** The files as the shared loader takes them; throws naming the missing setting. */
    public TlsFiles files() {
        try {
            return new TlsFiles(certificate, privateKey, privateKeyPassword, keystore, keystorePassword, null,
                    List.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("earpiece.tls: " + e.getMessage(), e);
        }
    }
}
