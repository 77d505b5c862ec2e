package io.earpiece.console.telephony;

import io.earpiece.db.telephony.SipBindingRepository;
import io.earpiece.db.telephony.SipUserEntity;
import io.earpiece.db.telephony.SipUserRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static io.earpiece.console.telephony.TrunkAdminEndpoint.blocking;

/** Admin API for reps' SIP accounts: passwords go in and are kept only as digest HA1s; devices are listed. */
@RestController
@RequestMapping("/api/admin/sip-users")
@ConditionalOnProperty(prefix = "earpiece.telephony", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SipUserAdminEndpoint {

    /** A SIP user part that needs no escaping in URIs or digest headers. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");
    private static final int MIN_PASSWORD = 8;

    private final SipUserRepository users;
    private final SipBindingRepository bindings;
    private final JpaCredentialStore credentials;
    private final TelephonyProperties properties;

    public SipUserAdminEndpoint(SipUserRepository users, SipBindingRepository bindings,
                                JpaCredentialStore credentials, TelephonyProperties properties) {
        this.users = users;
        this.bindings = bindings;
        this.credentials = credentials;
        this.properties = properties;
    }

    @GetMapping
    public Mono<List<AdminViews.SipUserView>> list() {
        return blocking(() -> users.findAllByOrderByUsernameAsc().stream().map(this::view).toList());
    }

    @GetMapping("/{username}")
    public Mono<AdminViews.SipUserView> get(@PathVariable String username) {
        return blocking(() -> view(find(username)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<AdminViews.SipUserView> create(@RequestBody AdminViews.SipUserRequest req) {
        return blocking(() -> {
            if (req.username() == null || !USERNAME.matcher(req.username()).matches()) {
                throw bad("username must be 1-128 letters, digits, '.', '_', '+' or '-'");
            }
            if (users.existsById(req.username())) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "SIP user " + req.username() + " exists");
            }
            String srtp = AdminViews.srtp(req.srtp(), "optional");
            SipUserEntity u = credentials.put(req.username(), properties.realm(), password(req), Instant.now());
            u.setSrtp(srtp, Instant.now());
            return view(users.save(u));
        });
    }

    /** Sets a new password. */
    @PutMapping("/{username}")
    public Mono<AdminViews.SipUserView> update(@PathVariable String username,
                                               @RequestBody AdminViews.SipUserRequest req) {
        return blocking(() -> {
            SipUserEntity u = find(username);
            String srtp = AdminViews.srtp(req.srtp(), u.getSrtp());
            if (req.password() != null || req.srtp() == null) {
                u = credentials.put(username, properties.realm(), password(req), Instant.now());
            }
            u.setSrtp(srtp, Instant.now());
            return view(users.save(u));
        });
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable String username) {
        return blocking(() -> {
            SipUserEntity u = find(username);
            bindings.deleteAllOf(username);
            users.delete(u);
            return true;
        }).then();
    }

    private static String password(AdminViews.SipUserRequest req) {
        if (req.password() == null || req.password().length() < MIN_PASSWORD) {
            throw bad("password must have at least " + MIN_PASSWORD + " characters");
        }
        return req.password();
    }

    private SipUserEntity find(String username) {
        return users.findById(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no SIP user " + username));
    }

    private AdminViews.SipUserView view(SipUserEntity u) {
        return AdminViews.user(u, bindings.findByUsernameAndExpiresAtAfterOrderByIdAsc(u.getUsername(), Instant.now()));
    }

    private static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
