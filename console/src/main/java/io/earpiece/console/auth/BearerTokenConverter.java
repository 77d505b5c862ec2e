package io.earpiece.console.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Reads a bearer token from {@code Authorization: Bearer ...}, or on WebSocket paths from the
 * {@code access_token} query parameter, because browsers cannot set headers on a WebSocket. The query form is
 * limited to {@code /ws/**} so tokens do not end up in ordinary request logs and links.
 */
public final class BearerTokenConverter implements ServerAuthenticationConverter {

    private static final String SCHEME = "bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.justOrEmpty(token(exchange.getRequest()).map(BearerCredentials::new));
    }

    /** The request's bearer token, if it presents one. */
    public static Optional<String> token(ServerHttpRequest request) {
        Optional<String> header = fromHeader(request);
        if (header.isPresent()) {
            return header;
        }
        if (request.getPath().pathWithinApplication().value().startsWith("/ws/")) {
            return Optional.ofNullable(request.getQueryParams().getFirst("access_token")).filter(t -> !t.isBlank());
        }
        return Optional.empty();
    }

    static Optional<String> fromHeader(ServerHttpRequest request) {
        String value = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (value == null || value.length() <= SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(value.substring(SCHEME.length()).trim()).filter(t -> !t.isEmpty());
    }
}
