package io.earpiece.console.auth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing: too many failed sign-ins for one username, or from one client address, lock that
 * name or address for a while, longer each time ({@code earpiece.auth.login.*}, see {@link AuthProperties.LoginLimits}).
 * A successful sign-in clears the name's count but not the address's, so one valid account does not reset an
 * address that is guessing others. Counts live in this instance's memory (see {@link Lockouts}).
 */
@Component
public class LoginThrottle {

    private final Lockouts byUser;
    private final Lockouts byAddress;
    private final Clock clock;

    @Autowired
    public LoginThrottle(AuthProperties properties, ObjectProvider<Clock> clock) {
        this(properties.login(), clock.getIfAvailable(Clock::systemUTC));
    }

    LoginThrottle(AuthProperties.LoginLimits limits, Clock clock) {
        this.byUser = new Lockouts(limits.maxFailuresPerUser(), limits.failureWindow(), limits.lockout(),
                limits.maxLockout());
        this.byAddress = new Lockouts(limits.maxFailuresPerAddress(), limits.failureWindow(), limits.lockout(),
                limits.maxLockout());
        this.clock = clock;
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
