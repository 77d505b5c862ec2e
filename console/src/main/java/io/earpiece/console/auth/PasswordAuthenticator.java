package io.earpiece.console.auth;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a username and password against the stored hash and hands back an {@link Account} without the hash
 * (Spring's manager would keep it as the credentials).
 *
 * <p>Every attempt pays exactly one password check: an unknown user is checked against a dummy hash made by
 * the same encoder, so the answer time does not tell which usernames exist. A disabled user is refused only
 * after the check, for the same reason.
 *
 * <p>All password sign-ins pass here (login, token requests, HTTP Basic), so this is where {@link LoginThrottle}
 * counts failures and refuses locked names and addresses, before paying for bcrypt.
 */
public class PasswordAuthenticator implements ReactiveAuthenticationManager {

    private static final String BAD_CREDENTIALS = "Invalid Credentials";

    private final ReactiveUserDetailsService accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    /** A hash of a random password nobody knows; what unknown users are checked against. */
    private final String dummyHash;

    public PasswordAuthenticator(ReactiveUserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Mono<Authentication> authenticate(Authentication request) {
        // Spring Security's filter chain puts the exchange in the Reactor context, for the endpoints under it too.
        return Mono.deferContextual(context -> {
            String address = context.getOrEmpty(ServerWebExchange.class)
                    .map(exchange -> address(((ServerWebExchange) exchange).getRequest().getRemoteAddress()))
                    .orElse(null);
            String username = request.getName() == null || request.getName().isEmpty() ? null : request.getName();
            // The counts are in the database: read and written off the event loop.
            return Mono.fromCallable(() -> throttle.lockedFor(username, address))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(locked -> !locked.isZero() ? Mono.<Authentication>error(new LoginLockedException(locked))
                            : check(request)
                            .publishOn(Schedulers.boundedElastic())
                            .doOnNext(done -> throttle.succeeded(username))
                            .doOnError(BadCredentialsException.class, e -> throttle.failed(username, address)));
        });
    }

    private Mono<Authentication> check(Authentication request) {
        if (request.getName() == null || request.getName().isEmpty() || !(request.getCredentials() instanceof String)) {
            return Mono.error(new BadCredentialsException("username and password are required"));
        }
        String password = (String) request.getCredentials();
        return accounts.findByUsername(request.getName())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                // bcrypt takes ~100 ms of CPU: off the event loop.
                .publishOn(Schedulers.boundedElastic())
                .map(user -> {
                    boolean matches = encoder.matches(password, user.map(UserDetails::getPassword).orElse(dummyHash));
                    if (user.isEmpty() || !matches) {
                        throw new BadCredentialsException(BAD_CREDENTIALS);
                    }
                    if (!user.get().isEnabled()) {
                        throw new DisabledException("user is disabled");
                    }
                    Account account = ((Account) user.get()).withoutPassword();
                    return (Authentication) UsernamePasswordAuthenticationToken.authenticated(account, null,
                            account.getAuthorities());
                });
    }

    private static String address(InetSocketAddress remote) {
        if (remote == null) {
            return null;
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /** Authenticates the pair; a missing value fails like a wrong one. */
    public Mono<Authentication> authenticate(String username, String password) {
        return authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
