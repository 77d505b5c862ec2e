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
 */
@ConfigurationProperties("earpiece.auth")
public record AuthProperties(
        @DefaultValue("") String adminPassword,
        @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("10") int minPasswordLength) {
}
