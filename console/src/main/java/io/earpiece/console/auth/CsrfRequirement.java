package io.earpiece.console.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Which requests need a CSRF token: state-changing ones that a browser could send on its own with the session
 * cookie. Requests carrying an {@code Authorization} header (Bearer, Basic) cannot be forged cross-site, and
 * login and token requests hold no session yet, so they are exempt.
 */
public final class CsrfRequirement implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final Set<String> EXEMPT_PATHS = Set.of("/api/auth/login", "/api/auth/token");

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return needsToken(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    static boolean needsToken(ServerHttpRequest request) {
        if (SAFE.contains(request.getMethod())) {
            return false;
        }
        if (EXEMPT_PATHS.contains(request.getPath().pathWithinApplication().value())) {
            return false;
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization == null || !(startsWithIgnoreCase(authorization, "bearer ")
                || startsWithIgnoreCase(authorization, "basic "));
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
