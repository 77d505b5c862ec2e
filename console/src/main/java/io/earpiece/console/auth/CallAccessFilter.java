package io.earpiece.console.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies the {@link CallAccessPolicy} to everything addressed to one call: {@code /api/calls/{id}/**} (any
 * method) and {@code /ws/events?call=ID}. A call the user may not see answers 404, the same as a call that does
 * not exist, so ids of other people's calls cannot be probed. Runs after authorization, so the user is known.
 */
public final class CallAccessFilter implements WebFilter {

    private static final PathPattern CALL = PathPatternParser.defaultInstance.parse("/api/calls/{id}/**");
    private static final String EVENTS = "/ws/events";
    private static final String DIAL = "dial";

    private final CallAccessPolicy policy;
    private final JsonErrors errors;

    public CallAccessFilter(CallAccessPolicy policy, JsonErrors errors) {
        this.policy = policy;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        String callId;
        if (path.value().equals(EVENTS)) {
            callId = exchange.getRequest().getQueryParams().getFirst("call");
            if (callId == null) {
                // The all-calls stream filters each event by the user's visible calls itself.
                return chain.filter(exchange);
            }
        } else {
            PathPattern.PathMatchInfo match = CALL.matchAndExtract(path);
            if (match == null) {
                return chain.filter(exchange);
            }
            callId = match.getUriVariables().get("id");
            if (DIAL.equals(callId)) {
                // /api/calls/dial/** names dialled calls after "dial"; DialEndpoint applies the same rule itself.
                return chain.filter(exchange);
            }
        }
        String id = callId;
        return authentication()
                .flatMap(a -> Mono.fromCallable(() -> policy.canSee(a, id)).subscribeOn(Schedulers.boundedElastic()))
                .defaultIfEmpty(false)
                .flatMap(allowed -> allowed ? chain.filter(exchange)
                        : errors.write(exchange, HttpStatus.NOT_FOUND, "no call " + id));
    }

    private static Mono<Authentication> authentication() {
        return ReactiveSecurityContextHolder.getContext().mapNotNull(SecurityContext::getAuthentication);
    }
}
