package io.earpiece.console.auth;

import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.WebSessionEntity;
import io.earpiece.db.user.WebSessionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions whose sign-in lives in the database: a restart does not sign anyone out, and every node of a
 * cluster honours a sign-in made on another (the cookie carries the same id everywhere). Sessions are held in memory
 * as before; what is stored is only who signed in under which session generation, under the SHA-256 of the session
 * id, refreshed at most once a minute per session as it is used. A session found only in the database comes back
 * with its sign-in and no other attributes. Sign-out, a new session id at sign-in and expiry delete the row;
 * {@link StaleSessionFilter} still drops a sign-in whose user was disabled or whose generation moved on.
 */
@Component
public class StoredWebSessions implements WebSessionStore {

    private static final Logger log = LoggerFactory.getLogger(StoredWebSessions.class);
    /** Least time between two writes of one session's last access. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** How often a session held here checks that no other node signed it out. */
    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(10);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final WebSessionRepository rows;
    private final UserRepository users;
    private final Duration maxIdle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, StoredWebSession> held = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.EPOCH;

    @org.springframework.beans.factory.annotation.Autowired
    public StoredWebSessions(WebSessionRepository rows, UserRepository users,
                             @Value("${server.reactive.session.timeout:30m}") Duration maxIdle) {
        this(rows, users, maxIdle, Clock.systemUTC());
    }

    StoredWebSessions(WebSessionRepository rows, UserRepository users, Duration maxIdle, Clock clock) {
        this.rows = rows;
        this.users = users;
        this.maxIdle = maxIdle;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Mono<WebSession> createWebSession() {
        sweepIfDue();
        return Mono.fromSupplier(() -> new StoredWebSession(this, newId(), now(), maxIdle));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        StoredWebSession session = held.get(id);
        if (session != null) {
            if (session.isExpired()) {
                return removeSession(id).then(Mono.empty());
            }
            if (!session.signedIn() || !session.recheckDue(now())) {
                return Mono.just(session);
            }
            return blocking(() -> rows.existsById(TokenCodec.hash(id))).flatMap(stillThere -> {
                session.rechecked(now());
                if (!stillThere) {
                    // signed out on another node: this copy forgets the sign-in too
                    session.getAttributes().remove(StaleSessionFilter.CONTEXT);
                }
                return Mono.just((WebSession) session);
            });
        }
        return blocking(() -> restore(id).orElse(null)).cast(WebSession.class);
    }

    /** The session as the database remembers it: its sign-in only, when still valid. */
    private Optional<StoredWebSession> restore(String id) {
        Instant now = now();
        return rows.findById(TokenCodec.hash(id)).filter(r -> r.getExpiresAt().isAfter(now)).flatMap(r ->
                users.findById(r.getUserId()).filter(UserEntity::isEnabled).map(user -> {
                    Account account = Account.of(user).withoutPassword();
                    // the generation signed in under, not today's: a session from before a password change stays stale
                    account = new Account(account.id(), account.username(), null, account.role(), account.enabled(),
                            r.getSessionGeneration());
                    StoredWebSession session = new StoredWebSession(this, id, r.getCreatedAt(), maxIdle);
                    session.restored(r.getLastAccessAt(), context(account), now);
                    held.put(id, session);
                    return session;
                }));
    }

    private static SecurityContext context(Account account) {
        return new SecurityContextImpl(new UsernamePasswordAuthenticationToken(account, null,
                account.getAuthorities()));
    }

    @Override
    public Mono<Void> removeSession(String id) {
        held.remove(id);
        return blocking(() -> {
            rows.deleteById(TokenCodec.hash(id));
            return true;
        }).then();
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
        return Mono.fromSupplier(() -> {
            ((StoredWebSession) webSession).touch(now());
            return webSession;
        });
    }

    /** Keeps a started session here and writes its sign-in when it changed or its last write is a minute old. */
    Mono<Void> save(StoredWebSession session, String previousId) {
        if (previousId != null) {
            held.remove(previousId);
        }
        held.put(session.getId(), session);
        Account account = signedIn(session);
        Instant now = now();
        if (account == null) {
            if (previousId == null && !session.persisted()) {
                return Mono.empty();
            }
            session.persistedAs(null, now);
            return blocking(() -> {
                if (previousId != null) {
                    rows.deleteById(TokenCodec.hash(previousId));
                }
                rows.deleteById(TokenCodec.hash(session.getId()));
                return true;
            }).then();
        }
        if (previousId == null && !session.writeDue(account, now)) {
            return Mono.empty();
        }
        session.persistedAs(account, now);
        WebSessionEntity row = new WebSessionEntity(TokenCodec.hash(session.getId()), account.id(),
                account.sessionGeneration(), session.getCreationTime(), session.getLastAccessTime(),
                session.getLastAccessTime().plus(maxIdle));
        return blocking(() -> {
            if (previousId != null) {
                rows.deleteById(TokenCodec.hash(previousId));
            }
            rows.save(row);
            return true;
        }).then();
    }

    void forget(String id) {
        held.remove(id);
    }

    /** The account a session is signed in as, or null. */
    static Account signedIn(WebSession session) {
        Object context = session.getAttributes().get(StaleSessionFilter.CONTEXT);
        if (context instanceof SecurityContext c) {
            Authentication auth = c.getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof Account account) {
                return account;
            }
        }
        return null;
    }

    /** Drops expired sessions from memory and the database, at most once a minute. */
    private void sweepIfDue() {
        Instant now = now();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        held.values().removeIf(StoredWebSession::isExpired);
        blocking(() -> rows.deleteExpired(now)).subscribe(n -> {
            if (n > 0) {
                log.debug("{} expired browser sessions deleted", n);
            }
        }, e -> log.warn("could not delete expired browser sessions: {}", e.toString()));
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
