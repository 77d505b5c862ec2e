package io.earpiece.console.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes the auth layer's refusals as {@code {"message": ...}}, like the rest of the API. The 401 carries no
 * {@code WWW-Authenticate: Basic} challenge, so browsers never pop up their own login dialog over the SPA.
 */
@Component
public class JsonErrors {

    private final ObjectMapper json;

    public JsonErrors(ObjectMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String message) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(new AuthViews.Problem(message));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** 401 for requests without (valid) credentials; 429 for HTTP Basic while the name or address is locked. */
    public ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> e instanceof LoginLockedException locked ? tooManyAttempts(exchange, locked)
                : write(exchange, HttpStatus.UNAUTHORIZED, "authentication required");
    }

    /** 429 with {@code Retry-After} for a locked sign-in. */
    public Mono<Void> tooManyAttempts(ServerWebExchange exchange, LoginLockedException locked) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, locked.getMessage());
    }

    /** 403 for a missing role or CSRF token. */
    public ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN, e.getMessage() == null ? "forbidden" : e.getMessage());
    }
}
