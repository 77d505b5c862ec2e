package io.earpiece.console.auth;

import io.earpiece.db.user.LoginLockoutRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing: too many failed sign-ins for one username, or from one client address, lock that
 * name or address for a while, longer each time ({@code earpiece.auth.login.*}, see {@link AuthProperties.LoginLimits}).
 * A successful sign-in clears the name's count but not the address's, so one valid account does not reset an
 * address that is guessing others. Counts live in the database (V21), so every node of a cluster applies the same
 * limit and a restart does not reset it; the calls block, so callers make them off the event loop.
 */
@Component
public class LoginThrottle {

    private final Lockouts byUser;
    private final Lockouts byAddress;
    private final Clock clock;

    @Autowired
    public LoginThrottle(AuthProperties properties, ObjectProvider<Clock> clock, LoginLockoutRepository rows,
                         PlatformTransactionManager transactions) {
        this(properties.login(), clock.getIfAvailable(Clock::systemUTC), rows, transactions);
    }

    private LoginThrottle(AuthProperties.LoginLimits limits, Clock clock, LoginLockoutRepository rows,
                          PlatformTransactionManager transactions) {
        this(limits, clock, new StoredLockoutStore(rows, new TransactionTemplate(transactions),
                limits.failureWindow(), clock));
    }

    /** Counting in this instance's memory (unit tests). */
    LoginThrottle(AuthProperties.LoginLimits limits, Clock clock) {
        this(limits, clock, new MemoryLockoutStore(limits.failureWindow(), clock));
    }

    LoginThrottle(AuthProperties.LoginLimits limits, Clock clock, LockoutStore store) {
        // One store for both kinds of key; the prefix keeps a username from colliding with an address.
        this.byUser = new Lockouts(prefixed("user:", store), limits.maxFailuresPerUser(), limits.failureWindow(),
                limits.lockout(), limits.maxLockout());
        this.byAddress = new Lockouts(prefixed("addr:", store), limits.maxFailuresPerAddress(),
                limits.failureWindow(), limits.lockout(), limits.maxLockout());
        this.clock = clock;
    }

    private static LockoutStore prefixed(String prefix, LockoutStore store) {
        return new LockoutStore() {
            @Override
            public Lockouts.State find(String key) {
                return store.find(prefix + key);
            }

            @Override
            public void update(String key, java.util.function.UnaryOperator<Lockouts.State> change) {
                store.update(prefix + key, change);
            }

            @Override
            public void remove(String key) {
                store.remove(prefix + key);
            }
        };
    }

    /** How long attempts for this name or from this address (either may be null) are refused; zero if not. */
    public Duration lockedFor(String username, String address) {
        Duration user = username == null ? Duration.ZERO : byUser.lockedFor(key(username), clock.instant());
        Duration source = address == null ? Duration.ZERO : byAddress.lockedFor(address, clock.instant());
        return user.compareTo(source) >= 0 ? user : source;
    }

    /** A wrong password (or unknown name) for this name from this address; either may be null. */
    public void failed(String username, String address) {
        if (username != null) {
            byUser.failed(key(username), clock.instant());
        }
        if (address != null) {
            byAddress.failed(address, clock.instant());
        }
    }

    public void succeeded(String username) {
        byUser.forget(key(username));
    }

    /** Usernames are looked up as typed, but bounded so a huge name cannot be stored. */
    private static String key(String username) {
        return username.length() > 128 ? username.substring(0, 128) : username;
    }
}
