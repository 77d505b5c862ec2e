package io.earpiece.console.auth;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** One browser session of {@link StoredWebSessions}: attributes in memory, its sign-in written through the store. */
final class StoredWebSession implements WebSession {

    private final StoredWebSessions store;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final Instant creationTime;
    private volatile String id;
    private volatile Instant lastAccessTime;
    private volatile Duration maxIdleTime;
    private volatile boolean started;
    private volatile boolean invalidated;
    /** What the database holds for this session (null: nothing) and when it was written or checked. */
    private volatile Account persistedAccount;
    private volatile Instant persistedAt = Instant.EPOCH;
    private volatile Instant checkedAt = Instant.EPOCH;
    /** The id before {@link #changeSessionId}, until the next save replaces its row. */
    private volatile String previousId;

    StoredWebSession(StoredWebSessions store, String id, Instant creationTime, Duration maxIdleTime) {
        this.store = store;
        this.id = id;
        this.creationTime = creationTime;
        this.lastAccessTime = creationTime;
        this.maxIdleTime = maxIdleTime;
    }

    void restored(Instant lastAccess, SecurityContext context, Instant now) {
        this.lastAccessTime = lastAccess;
        attributes.put(StaleSessionFilter.CONTEXT, context);
        started = true;
        persistedAccount = StoredWebSessions.signedIn(this);
        persistedAt = lastAccess;
        checkedAt = now;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public boolean isStarted() {
        return started || !attributes.isEmpty();
    }

    @Override
    public Mono<Void> changeSessionId() {
        return Mono.fromRunnable(() -> {
            String old = id;
            id = store.newId();
            if (previousId == null) {
                previousId = old;
            }
            store.forget(old);
        });
    }

    @Override
    public Mono<Void> invalidate() {
        invalidated = true;
        attributes.clear();
        String old = previousId;
        previousId = null;
        Mono<Void> removeOld = old == null ? Mono.empty() : store.removeSession(old);
        return removeOld.then(store.removeSession(id));
    }

    @Override
    public Mono<Void> save() {
        if (invalidated) {
            return Mono.empty();
        }
        if (!attributes.isEmpty()) {
            started = true;
        }
        if (!started) {
            return Mono.empty();
        }
        String old = previousId;
        previousId = null;
        return store.save(this, old);
    }

    @Override
    public boolean isExpired() {
        if (invalidated) {
            return true;
        }
        return !maxIdleTime.isNegative() && store.now().isAfter(lastAccessTime.plus(maxIdleTime));
    }

    @Override
    public Instant getCreationTime() {
        return creationTime;
    }

    @Override
    public Instant getLastAccessTime() {
        return lastAccessTime;
    }

    @Override
    public void setMaxIdleTime(Duration maxIdleTime) {
        this.maxIdleTime = maxIdleTime;
    }

    @Override
    public Duration getMaxIdleTime() {
        return maxIdleTime;
    }

    void touch(Instant now) {
        lastAccessTime = now;
    }

    boolean signedIn() {
        return persistedAccount != null;
    }

    boolean persisted() {
        return persistedAccount != null;
    }

    boolean recheckDue(Instant now) {
        return !now.isBefore(checkedAt.plus(StoredWebSessions.RECHECK_INTERVAL));
    }

    void rechecked(Instant now) {
        checkedAt = now;
    }

    /** A write is due when the sign-in changed or the last write is older than the touch interval. */
    boolean writeDue(Account account, Instant now) {
        return !Objects.equals(key(account), key(persistedAccount))
                || !now.isBefore(persistedAt.plus(StoredWebSessions.TOUCH_INTERVAL));
    }

    void persistedAs(Account account, Instant now) {
        persistedAccount = account;
        persistedAt = now;
        checkedAt = now;
    }

    private static String key(Account a) {
        return a == null ? null : a.id() + "/" + a.sessionGeneration();
    }
}
