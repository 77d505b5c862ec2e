package io.earpiece.console.tls;

import io.earpiece.sip.tls.ServerIdentity;
import io.earpiece.sip.tls.TlsFileWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTPS on {@code server.port} when {@code earpiece.tls.enabled}: the certificate files are read and checked at
 * start-up (a bad file stops it, naming the file), served through an SSL bundle, reloaded when they change, and
 * plain HTTP on {@code earpiece.tls.http-redirect-port} is redirected. HSTS comes from Spring Security, which sends
 * it on every response over TLS.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "earpiece.tls.enabled", havingValue = "true")
public class HttpsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HttpsConfiguration.class);

    /** Loaded once, here, so that a bad file fails the start before any port is bound. */
    @Bean
    HttpsIdentity httpsIdentity(HttpsProperties properties) {
        ServerIdentity identity = ServerIdentity.load(properties.files());
        log.info("HTTPS certificate {} (valid until {}) from {}", identity.leaf().getSubjectX500Principal(),
                identity.leaf().getNotAfter(), properties.files().identityFiles());
        return new HttpsIdentity(new AtomicReference<>(identity));
    }

    /** Holds the identity in effect, so the registrar and the reload see the same one. */
    record HttpsIdentity(AtomicReference<ServerIdentity> current) {
    }

    @Bean
    SslBundleRegistrar earpieceSslBundle(HttpsIdentity identity) {
        return registry -> registry.registerBundle(HttpsBundle.NAME, HttpsBundle.of(identity.current().get()));
    }

    /**
     * Runs after Boot's own customizer (order 0, which hands the factory the bundles), so it has the last word on
     * SSL. Set here rather than through {@code server.ssl.bundle} so that one switch, {@code earpiece.tls.enabled},
     * does it.
     */
    @Bean
    HttpsServerCustomizer httpsCustomizer() {
        return new HttpsServerCustomizer();
    }

    static final class HttpsServerCustomizer implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>,
            Ordered {
        @Override
        public void customize(NettyReactiveWebServerFactory factory) {
            factory.setSsl(Ssl.forBundle(HttpsBundle.NAME));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Netty's HTTPS server re-reads the bundle on update, so renewed files reach new connections. */
    @Bean(destroyMethod = "close")
    AutoCloseable httpsReload(HttpsProperties properties, HttpsIdentity identity, SslBundleRegistry bundles) {
        TlsFileWatcher watcher = TlsFileWatcher.start(properties.files(), properties.reloadInterval(), "https",
                fresh -> {
                    identity.current().set(fresh);
                    bundles.updateBundle(HttpsBundle.NAME, HttpsBundle.of(fresh));
                });
        return watcher == null ? () -> { } : watcher;
    }

    /** Starts once the HTTPS server has its port (see {@link HttpRedirectServer}). */
    @Bean(destroyMethod = "stop")
    HttpRedirectServer httpRedirectServer(HttpsProperties properties,
                                          org.springframework.core.env.Environment environment) {
        return new HttpRedirectServer(environment.getProperty("server.address", "0.0.0.0"),
                properties.httpRedirectPort());
    }
}
