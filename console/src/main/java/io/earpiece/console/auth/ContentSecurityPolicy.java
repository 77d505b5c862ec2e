package io.earpiece.console.auth;

import io.earpiece.console.softphone.SoftphoneProperties;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The Content-Security-Policy sent with every response. The SPA (console/web, built by Vite) loads one script and
 * one stylesheet from {@code /assets/}, with no inline script or style element, so scripts and styles come from
 * the server alone; React's {@code style=} props go through the DOM, which a policy does not restrict. Images may
 * be {@code data:} (the favicon). The browser talks to the server ({@code 'self'}, including its WebSocket) and,
 * with the softphone on, to the Janus HTTP API of {@link SoftphoneProperties#janusUrl}. No page may frame the
 * console (clickjacking).
 */
@Component
public class ContentSecurityPolicy {

    private final String directives;

    public ContentSecurityPolicy(SoftphoneProperties softphone) {
        this.directives = directives(softphone.enabled() ? origin(softphone.janusUrl().strip()) : Optional.empty());
    }

    /** The header's value. */
    public String directives() {
        return directives;
    }

    static String directives(Optional<String> janus) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self';"
                + " connect-src 'self'" + janus.map(j -> " " + j).orElse("") + ";"
                + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** {@code scheme://host[:port]} of a URL; empty when it has none (the softphone then cannot connect anyway). */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
