package io.earpiece.console.ws;

import io.earpiece.console.auth.JsonErrors;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses (403) a handshake on {@code /ws/**} whose {@code Origin} is neither the server's own (the scheme, host and
 * port the request was sent to) nor one of {@link WebSocketProperties#allowedOrigins}. Browsers send the session
 * cookie with a WebSocket handshake whatever page opens it and WebSockets have no CORS, so without this any site a
 * signed-in rep visits could read their live calls. A request without {@code Origin} is not from a browser page
 * (scripts with a bearer token) and passes. Runs before the security chain, so a foreign page learns nothing else.
 */
@Component
@Order(-200)
public class WebSocketOriginFilter implements WebFilter {

    private final Set<String> allowed;
    private final JsonErrors errors;

    public WebSocketOriginFilter(WebSocketProperties properties, JsonErrors errors) {
        this.allowed = properties.allowedOrigins().stream().map(o -> {
            Optional<String> normal = origin(o.strip());
            if (normal.isEmpty()) {
                throw new IllegalArgumentException("earpiece.web-socket.allowed-origins: not an origin: " + o);
            }
            return normal.get();
        }).collect(Collectors.toUnmodifiableSet());
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin == null || !(path.equals("/ws") || path.startsWith("/ws/")) || allows(origin, exchange)) {
            return chain.filter(exchange);
        }
        return errors.write(exchange, HttpStatus.FORBIDDEN, "WebSocket connections from origin " + origin
                + " are not allowed");
    }

    private boolean allows(String origin, ServerWebExchange exchange) {
        Optional<String> normal = origin(origin.strip());
        return normal.isPresent() && (normal.equals(origin(exchange.getRequest().getURI()))
                || allowed.contains(normal.get()));
    }

    /** {@code scheme://host:port} with the port spelled out, lower case; empty for what is not an origin. */
    static Optional<String> origin(String value) {
        try {
            return origin(new URI(value));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> origin(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.getHost() == null) {
            return Optional.empty();
        }
        // The handshake itself is http(s); a non-browser client may name its ws(s) URL.
        scheme = switch (scheme) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> scheme;
        };
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }
}
