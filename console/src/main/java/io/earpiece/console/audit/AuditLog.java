package io.earpiece.console.audit;

import io.earpiece.db.audit.AuditEntryEntity;
import io.earpiece.db.audit.AuditEntryRepository;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Writes the audit log: who changed which user, role, trunk or playbook, who replayed an export, and every sign-in
 * through the login endpoints, with the client address. Blocking JPA, so call it off the event loop.
 */
@Service
public class AuditLog {

    /** Action names as stored; the audit API filters on them. */
    public static final String USER_CREATE = "user.create";
    public static final String USER_ENABLE = "user.enable";
    public static final String USER_DISABLE = "user.disable";
    public static final String USER_DELETE = "user.delete";
    public static final String USER_ROLE = "user.role";
    public static final String USER_ASSIGN = "user.assign";
    public static final String USER_EMAIL = "user.email";
    public static final String ROUTING_EDIT = "routing.edit";
    public static final String TRUNK_CREATE = "trunk.create";
    public static final String TRUNK_UPDATE = "trunk.update";
    public static final String TRUNK_DELETE = "trunk.delete";
    public static final String PLAYBOOK_EDIT = "playbook.edit";
    public static final String EXPORT_REPLAY = "export.replay";
    public static final String FOLLOW_UP_SEND = "followup.send";
    public static final String LOGIN_SUCCESS = "login.success";
    public static final String LOGIN_FAILURE = "login.failure";
    public static final String LOGIN_LOCKED = "login.locked";

    /** One entry before it is stored; see {@link AuditEntryEntity} for the fields. */
    public record Entry(String actor, String action, String target, String detail, String source) {
    }

    private final AuditEntryRepository entries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AuditLog(AuditEntryRepository entries, TransactionTemplate transactions,
                    org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.entries = entries;
        this.transactions = transactions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Runs {@code action} and stores its entry in the same transaction: an action that fails (its 4xx included)
     * leaves no entry, and an entry that cannot be stored undoes the action, so nothing changes unaudited.
     */
    public <T> T audited(Entry entry, Supplier<T> action) {
        return transactions.execute(status -> {
            T result = action.get();
            store(entry);
            return result;
        });
    }

    /** Stores an entry for something already done or refused (a sign-in). */
    public void record(Entry entry) {
        store(entry);
    }

    private void store(Entry e) {
        entries.save(new AuditEntryEntity(clock.instant(), e.actor(), e.action(), e.target(), e.detail(), e.source()));
    }

    /** The address a request came from, as the audit log keeps it (no port), or null when unknown. */
    public static String source(ServerHttpRequest request) {
        InetSocketAddress remote = request == null ? null : request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
