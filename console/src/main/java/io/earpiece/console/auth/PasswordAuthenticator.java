package io.earpiece.console.auth;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

/**
 * Checks a username and password against the stored hash. Spring's manager would keep the hash as the
 * credentials of the result; this one hands back an {@link Account} without it.
 */
public class PasswordAuthenticator implements ReactiveAuthenticationManager {

    private final UserDetailsRepositoryReactiveAuthenticationManager delegate;

    public PasswordAuthenticator(AccountDetailsService accounts, PasswordEncoder encoder) {
        this.delegate = new UserDetailsRepositoryReactiveAuthenticationManager(accounts);
        this.delegate.setPasswordEncoder(encoder);
    }

    @Override
    public Mono<Authentication> authenticate(Authentication request) {
        if (request.getName() == null || request.getName().isEmpty() || !(request.getCredentials() instanceof String)) {
            return Mono.error(new BadCredentialsException("username and password are required"));
        }
        return delegate.authenticate(request).map(done -> {
            Account account = ((Account) done.getPrincipal()).withoutPassword();
            return UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        });
    }

    /** Authenticates the pair; a missing value fails like a wrong one. */
    public Mono<Authentication> authenticate(String username, String password) {
        return authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
