package io.earpiece.console.auth;

import io.earpiece.console.audit.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sign-in for the SPA (session cookie) and for scripts (bearer token), sign-out, the current user, and
 * password changes.
 */
@RestController
@RequestMapping("/api/auth")
public class AuthEndpoint {

    private static final String BAD_CREDENTIALS = "wrong username or password";

    private final PasswordAuthenticator passwords;
    private final BearerTokens tokens;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    public AuthEndpoint(PasswordAuthenticator passwords, BearerTokens tokens, UserAccounts accounts, AuditLog audit) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Checks the password and binds the user to a new session (a fresh id, against session fixation). */
    @PostMapping("/login")
    public Mono<ResponseEntity<Object>> login(@RequestBody(required = false) AuthViews.Credentials credentials,
                                              ServerWebExchange exchange) {
        return audited(authenticate(credentials)
                .flatMap(auth -> exchange.getSession().flatMap(WebSession::changeSessionId)
                        .then(sessions.save(exchange, new SecurityContextImpl(auth)))
                        .then(blocking(() -> accounts.me(auth.getName()))))
                .map(me -> ResponseEntity.ok((Object) me)), credentials, "session", exchange.getRequest());
    }

    /** A bearer token for scripts; it is not tied to a session and expires after {@code earpiece.auth.token-ttl}. */
    @PostMapping("/token")
    public Mono<ResponseEntity<Object>> token(@RequestBody(required = false) AuthViews.Credentials credentials,
                                              ServerHttpRequest request) {
        return audited(authenticate(credentials)
                .flatMap(auth -> blocking(() -> tokens.issueLoginToken(auth.getName())))
                .map(issued -> ResponseEntity.ok((Object) issued)), credentials, "token", request);
    }

    /**
     * Answers a sign-in and writes its outcome to the audit log (success, failure or locked, with the username
     * tried and the client address) before the answer goes out.
     */
    private Mono<ResponseEntity<Object>> audited(Mono<ResponseEntity<Object>> signIn, AuthViews.Credentials credentials,
                                                 String kind, ServerHttpRequest request) {
        String username = credentials == null ? null : credentials.username();
        String source = AuditLog.source(request);
        return signIn
                .flatMap(ok -> record(username, AuditLog.LOGIN_SUCCESS, kind, source).thenReturn(ok))
                .onErrorResume(LoginLockedException.class, e -> record(username, AuditLog.LOGIN_LOCKED,
                        kind + ", retry after " + e.retryAfterSeconds() + " s", source)
                        .thenReturn(tooManyAttempts(e)))
                .onErrorResume(AuthenticationException.class, e -> record(username, AuditLog.LOGIN_FAILURE,
                        kind + ", " + (e instanceof DisabledException
                                ? "user disabled" : BAD_CREDENTIALS), source)
                        .thenReturn(unauthorized()));
    }

    private Mono<Boolean> record(String username, String action, String detail, String source) {
        return blocking(() -> {
            audit.record(new AuditLog.Entry(username, action, username, detail, source));
            return true;
        });
    }

    /** Ends the session, and revokes the login token if the request came with one. */
    @PostMapping("/logout")
    public Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        Mono<Void> revoke = Mono.justOrEmpty(BearerTokenConverter.fromHeader(exchange.getRequest()))
                .flatMap(token -> blocking(() -> {
                    tokens.revokeLoginToken(token);
                    return true;
                })).then();
        return revoke.then(exchange.getSession().flatMap(WebSession::invalidate))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/me")
    public Mono<AuthViews.Me> me(Authentication auth) {
        return blocking(() -> accounts.me(auth.getName()));
    }

    /**
     * Changes the password and ends the user's other sessions and all their login tokens (the one this request
     * came with included). A session that made the change stays signed in, under a fresh id.
     */
    @PostMapping("/password")
    public Mono<ResponseEntity<Void>> changePassword(Authentication auth, @RequestBody AuthViews.PasswordChange change,
                                                     ServerWebExchange exchange) {
        return blocking(() -> accounts.changePassword(auth.getName(), change))
                .flatMap(account -> keepThisSession(exchange, account))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<Void> keepThisSession(ServerWebExchange exchange, Account account) {
        return exchange.getSession()
                .filter(session -> session.getAttribute(StaleSessionFilter.CONTEXT) != null)
                .flatMap(session -> session.changeSessionId().then(sessions.save(exchange, new SecurityContextImpl(
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities())))));
    }

    private Mono<Authentication> authenticate(AuthViews.Credentials credentials) {
        return credentials == null ? passwords.authenticate(null, null)
                : passwords.authenticate(credentials.username(), credentials.password());
    }

    private static ResponseEntity<Object> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new AuthViews.Problem(BAD_CREDENTIALS));
    }

    private static ResponseEntity<Object> tooManyAttempts(LoginLockedException locked) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()))
                .body(new AuthViews.Problem(locked.getMessage()));
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
