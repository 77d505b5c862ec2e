package io.earpiece.console.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Sign-in settings, bound from {@code earpiece.auth.*} (or {@code EARPIECE_AUTH_*}; the first admin's password
 * also from {@code EARPIECE_ADMIN_PASSWORD}).
 *
 * @param adminPassword     password of the {@code admin} user created on first start; empty means a random one,
 *                          printed once in the log
 * @param tokenTtl          lifetime of bearer tokens from {@code POST /api/auth/token}
 * @param minPasswordLength shortest password accepted for new users and password changes
 * @param login             limits on failed sign-ins ({@code earpiece.auth.login.*})
 */
@ConfigurationProperties("earpiece.auth")
public record AuthProperties(
        @DefaultValue("") String adminPassword,
        @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("10") int minPasswordLength,
        @DefaultValue LoginLimits login) {

    /**
     * How failed sign-ins (login, token requests and HTTP Basic alike) are limited; see {@link LoginThrottle}.
     * While locked, attempts get 429 with {@code Retry-After}, whatever the password.
     *
     * @param maxFailuresPerUser    failures for one username, within {@code failureWindow}, that lock it (5)
     * @param maxFailuresPerAddress failures from one client address that lock it (50: higher, because an office
     *                              behind NAT shares one address)
     * @param failureWindow         how long failures are remembered, counted from the last failure or lock (15m)
     * @param lockout               the first lock; each further one within the window doubles it (30s)
     * @param maxLockout            the longest lock (15m)
     */
    public record LoginLimits(
            @DefaultValue("5") int maxFailuresPerUser,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration failureWindow,
            @DefaultValue("30s") Duration lockout,
            @DefaultValue("15m") Duration maxLockout) {
    }
}
