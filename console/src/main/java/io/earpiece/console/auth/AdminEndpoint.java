package io.earpiece.console.auth;

import io.earpiece.console.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Admin-only management of users, teams and API keys (the security chain requires role ADMIN here). User changes
 * are written to the audit log in the transaction that makes them.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminEndpoint {

    private final UserAccounts accounts;
    private final BearerTokens tokens;
    private final AuditLog audit;

    public AdminEndpoint(UserAccounts accounts, BearerTokens tokens, AuditLog audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping("/users")
    public Mono<List<AuthViews.UserView>> users() {
        return blocking(accounts::list);
    }

    @PostMapping("/users")
    public Mono<ResponseEntity<AuthViews.UserView>> createUser(Authentication auth, @RequestBody AuthViews.NewUser user,
                                                               ServerHttpRequest request) {
        return blocking(() -> audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.USER_CREATE,
                        user == null ? null : user.username(),
                        user == null ? null : "role " + user.role() + (user.team() == null ? "" : ", team " + user.team()),
                        AuditLog.source(request)), () -> accounts.create(user)))
                .map(v -> ResponseEntity.status(HttpStatus.CREATED).body(v));
    }

    /** Allows or refuses the user's sign-in; disabling also ends their sessions and login tokens at once. */
    @PutMapping("/users/{username}/enabled")
    public Mono<AuthViews.UserView> setEnabled(Authentication auth, @PathVariable String username,
                                               @RequestBody AuthViews.Enabled body, ServerHttpRequest request) {
        String action = Boolean.FALSE.equals(body.enabled()) ? AuditLog.USER_DISABLE : AuditLog.USER_ENABLE;
        return blocking(() -> audit.audited(new AuditLog.Entry(auth.getName(), action, username, null,
                AuditLog.source(request)), () -> accounts.setEnabled(auth.getName(), username, body.enabled())));
    }

    /** Gives the user another role ({@code ADMIN}, {@code MANAGER}, {@code REP}) and ends their sign-ins. */
    @PutMapping("/users/{username}/role")
    public Mono<AuthViews.UserView> setRole(Authentication auth, @PathVariable String username,
                                            @RequestBody AuthViews.RoleChange body, ServerHttpRequest request) {
        String role = body == null ? null : body.role();
        return blocking(() -> audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.USER_ROLE, username,
                "role " + role, AuditLog.source(request)), () -> accounts.setRole(auth.getName(), username, role)));
    }

    /** Moves the user to a team and onto a SIP user and extension (each may be cleared); 400 names a bad value. */
    @PutMapping("/users/{username}/assignment")
    public Mono<AuthViews.UserView> assign(Authentication auth, @PathVariable String username,
                                           @RequestBody AuthViews.Assignment body, ServerHttpRequest request) {
        String detail = body == null ? null : "team " + body.team() + ", SIP user " + body.sipUser()
                + ", extension " + body.extension();
        return blocking(() -> audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.USER_ASSIGN, username, detail,
                AuditLog.source(request)), () -> accounts.assign(username, body)));
    }

    /** Sets or clears the user's e-mail address (routing sends "team lead" messages there); 400 names a bad one. */
    @PutMapping("/users/{username}/email")
    public Mono<AuthViews.UserView> setEmail(Authentication auth, @PathVariable String username,
                                             @RequestBody AuthViews.EmailChange body, ServerHttpRequest request) {
        String email = body == null ? null : body.email();
        return blocking(() -> audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.USER_EMAIL, username,
                email == null || email.isBlank() ? "cleared" : "set", AuditLog.source(request)),
                () -> accounts.setEmail(username, email)));
    }

    /** Sets the name the user goes by on calls (the rep party of their calls is shown by it); empty clears it. */
    @PutMapping("/users/{username}/display-name")
    public Mono<AuthViews.UserView> setDisplayName(Authentication auth, @PathVariable String username,
                                                   @RequestBody AuthViews.DisplayName body,
                                                   ServerHttpRequest request) {
        String detail = body == null ? null : "display name " + body.displayName();
        return blocking(() -> audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.USER_ASSIGN, username, detail,
                AuditLog.source(request)), () -> accounts.setDisplayName(username, body)));
    }

    /** Deletes the user and every credential they hold; 409 for the acting admin, 404 for an unknown user. */
    @DeleteMapping("/users/{username}")
    public Mono<ResponseEntity<Void>> deleteUser(Authentication auth, @PathVariable String username,
                                                 ServerHttpRequest request) {
        return blocking(() -> audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.USER_DELETE, username, null,
                AuditLog.source(request)), () -> {
                    accounts.delete(auth.getName(), username);
                    return true;
                })).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/teams")
    public Mono<List<AuthViews.TeamView>> teams() {
        return blocking(accounts::teams);
    }

    @PostMapping("/teams")
    public Mono<ResponseEntity<AuthViews.TeamView>> createTeam(@RequestBody AuthViews.NewTeam team) {
        return blocking(() -> accounts.createTeam(team.name())).map(v -> ResponseEntity.status(HttpStatus.CREATED).body(v));
    }

    @GetMapping("/api-keys")
    public Mono<List<AuthViews.ApiKeyView>> apiKeys() {
        return blocking(tokens::apiKeys);
    }

    /** Issues a key acting as the named user; the key is in this answer only. */
    @PostMapping("/api-keys")
    public Mono<ResponseEntity<AuthViews.IssuedApiKey>> issueApiKey(@RequestBody AuthViews.NewApiKey request) {
        return blocking(() -> tokens.issueApiKey(request.name(), request.username()))
                .map(v -> ResponseEntity.status(HttpStatus.CREATED).body(v));
    }

    @DeleteMapping("/api-keys/{id}")
    public Mono<ResponseEntity<Void>> deleteApiKey(@PathVariable long id) {
        return blocking(() -> tokens.deleteApiKey(id)).map(found -> {
            if (!found) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no API key " + id);
            }
            return ResponseEntity.noContent().build();
        });
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
