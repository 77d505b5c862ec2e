package io.earpiece.console.auth;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Turns a presented bearer token into the user it acts as, or fails with bad credentials. */
public class BearerAuthenticator implements ReactiveAuthenticationManager {

    private final BearerTokens tokens;

    public BearerAuthenticator(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = ((BearerCredentials) authentication).token();
        return Mono.fromCallable(() -> tokens.resolve(token))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("invalid or expired token")))
                .map(account -> UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
    }
}
