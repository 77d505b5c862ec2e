package io.earpiece.console.auth;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A sign-in refused without checking the password, because its name or address is locked ({@link LoginThrottle}). */
public class LoginLockedException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginLockedException(Duration retryAfter) {
        super("too many failed sign-ins; try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least 1: the value of the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
