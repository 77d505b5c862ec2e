package io.earpiece.console.auth;

import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * On first start (no users at all) creates the {@code admin} user, with the configured password or a random
 * one printed once in the log: the only copy, since the database keeps just its hash.
 */
@Component
public class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TokenCodec codec;
    private final AuthProperties properties;
    private final Clock clock;

    public AdminBootstrap(UserRepository users, PasswordEncoder encoder, TokenCodec codec, AuthProperties properties,
                          ObjectProvider<Clock> clock) {
        this.users = users;
        this.encoder = encoder;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Creates the first admin unless some user exists; true when it did. */
    @Transactional
    public boolean createFirstAdmin() {
        if (users.count() > 0) {
            return false;
        }
        boolean generated = properties.adminPassword().isEmpty();
        String password = generated ? codec.newPassword(20) : properties.adminPassword();
        users.save(new UserEntity(ADMIN, encoder.encode(password), UserRole.ADMIN, null, null, null, clock.instant()));
        if (generated) {
            log.warn("First start: created user '{}' with one-time password: {}  (shown only this once; "
                    + "sign in and change it with POST /api/auth/password)", ADMIN, password);
        } else {
            log.info("First start: created user '{}' with the password from earpiece.auth.admin-password", ADMIN);
        }
        return true;
    }
}
