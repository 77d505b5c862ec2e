package io.earpiece.console.tls;

import io.earpiece.sip.tls.ServerIdentity;
import io.earpiece.sip.tls.TlsContexts;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;

/** Turns a checked {@link ServerIdentity} into the Spring SSL bundle the web server is configured with. */
final class HttpsBundle {
    /** The bundle's name; {@code server.ssl.bundle} could name it too. */
    static final String NAME = "earpiece";

    private HttpsBundle() {
    }

    static SslBundle of(ServerIdentity identity) {
        String password = new String(identity.password());
        return SslBundle.of(SslStoreBundle.of(identity.keyStore(), password, null),
                SslBundleKey.of(password, ServerIdentity.ALIAS),
                SslOptions.of(null, TlsContexts.PROTOCOLS.toArray(String[]::new)));
    }
}
