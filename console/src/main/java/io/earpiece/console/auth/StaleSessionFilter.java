package io.earpiece.console.auth;

import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Drops a cookie session's sign-in once it no longer counts: its user was deleted or disabled, or their session
 * generation moved on (password change, disabling; see {@link SignOuts}). A session keeps a copy of the
 * {@link Account} from sign-in, so without this check it would outlive all of these until it times out.
 *
 * <p>Runs just before Spring Security's filter chain (order -100), which then finds an anonymous session and
 * answers 401 where a sign-in is needed. Only the sign-in is removed, not the session, so signing in again with
 * the same cookie works at once. Costs one primary-key lookup per cookie request, as bearer tokens already do.
 */
@Component
@Order(-101)
public class StaleSessionFilter implements WebFilter {

    /** Where Spring Security keeps the signed-in context in the session. */
    static final String CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

    private final UserRepository users;

    public StaleSessionFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getSession().flatMap(session -> {
            SecurityContext context = session.getAttribute(CONTEXT);
            Authentication auth = context == null ? null : context.getAuthentication();
            if (auth == null || !(auth.getPrincipal() instanceof Account account)) {
                return Mono.empty();
            }
            return Mono.fromCallable(() -> stillCounts(account))
                    .subscribeOn(Schedulers.boundedElastic())
                    .doOnNext(counts -> {
                        if (!counts) {
                            session.getAttributes().remove(CONTEXT);
                        }
                    }).then();
        }).then(chain.filter(exchange));
    }

    private boolean stillCounts(Account account) {
        return users.findById(account.id())
                .filter(UserEntity::isEnabled)
                .filter(user -> user.getSessionGeneration() == account.sessionGeneration())
                .isPresent();
    }
}
