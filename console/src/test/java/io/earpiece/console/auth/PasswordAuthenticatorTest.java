package io.earpiece.console.auth;

import io.earpiece.db.user.UserRole;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

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
            ? Mono.just((UserDetails) new Account(7, "dana", "right-password", UserRole.REP, true))
            : Mono.empty();

    final CountingEncoder encoder = new CountingEncoder();

    @Test
    void anUnknownUserCostsAPasswordCheckLikeAWrongPassword() {
        PasswordAuthenticator authenticator = new PasswordAuthenticator(ONLY_DANA, encoder);

        assertThatThrownBy(() -> authenticator.authenticate("nobody", "right-password").block())
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches).as("checks for an unknown user").hasValue(1);

        assertThatThrownBy(() -> authenticator.authenticate("dana", "wrong-password").block())
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches).as("checks after a wrong password too").hasValue(2);
    }

    @Test
    void theRightPasswordSignsInWithoutKeepingTheHash() {
        PasswordAuthenticator authenticator = new PasswordAuthenticator(ONLY_DANA, encoder);

        var auth = authenticator.authenticate("dana", "right-password").block();
        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(((Account) auth.getPrincipal()).passwordHash()).isNull();
        assertThat(auth.getCredentials()).isNull();
    }
}
