package io.earpiece.console.auth;

import io.earpiece.db.user.UserRole;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordAuthenticatorTest {

    /** Counts password checks; otherwise plain-text comparison. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger matches = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return NoOpPasswordEncoder.getInstance().encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return NoOpPasswordEncoder.getInstance().matches(raw, encoded);
        }
    }

    static final ReactiveUserDetailsService ONLY_DANA = username -> "dana".equals(username)
            ? Mono.just((UserDetails) new Account(7, "dana", "right-password", UserRole.REP, true, 0))
            : Mono.empty();

    final CountingEncoder encoder = new CountingEncoder();
    final LoginThrottle throttle = new LoginThrottle(
            new AuthProperties.LoginLimits(5, 50, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
            Clock.systemUTC());

    @Test
    void anUnknownUserCostsAPasswordCheckLikeAWrongPassword() {
        PasswordAuthenticator authenticator = new PasswordAuthenticator(ONLY_DANA, encoder, throttle);

        assertThatThrownBy(() -> authenticator.authenticate("nobody", "right-password").block())
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches).as("checks for an unknown user").hasValue(1);

        assertThatThrownBy(() -> authenticator.authenticate("dana", "wrong-password").block())
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches).as("checks after a wrong password too").hasValue(2);
    }

    @Test
    void aLockedNameIsRefusedWithoutAPasswordCheckAndASuccessClearsTheCount() {
        PasswordAuthenticator authenticator = new PasswordAuthenticator(ONLY_DANA, encoder, throttle);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> authenticator.authenticate("dana", "wrong").block())
                    .isInstanceOf(BadCredentialsException.class);
        }
        authenticator.authenticate("dana", "right-password").block();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> authenticator.authenticate("dana", "wrong").block())
                    .as("the success cleared the earlier failures").isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authenticator.authenticate("dana", "wrong").block())
                .isInstanceOf(BadCredentialsException.class);
        int checks = encoder.matches.get();
        assertThatThrownBy(() -> authenticator.authenticate("dana", "right-password").block())
                .isInstanceOf(LoginLockedException.class);
        assertThat(encoder.matches).as("no bcrypt spent on a locked name").hasValue(checks);
    }

    @Test
    void theRightPasswordSignsInWithoutKeepingTheHash() {
        PasswordAuthenticator authenticator = new PasswordAuthenticator(ONLY_DANA, encoder, throttle);

        var auth = authenticator.authenticate("dana", "right-password").block();
        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(((Account) auth.getPrincipal()).passwordHash()).isNull();
        assertThat(auth.getCredentials()).isNull();
    }
}
