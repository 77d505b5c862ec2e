package io.earpiece.console.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCodecTest {

    private final TokenCodec codec = new TokenCodec(new SecureRandom());

    @Test
    void hashIsHexSha256() {
        assertThat(TokenCodec.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void tokensCarryTheirPrefixAnd256RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = codec.newToken(TokenCodec.LOGIN_PREFIX);
            assertThat(token).startsWith("ept_").hasSize(4 + 43).matches("ept_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void passwordsHaveTheAskedLength() {
        assertThat(codec.newPassword(20)).hasSize(20).matches("[A-Za-z0-9_-]{20}");
        assertThat(codec.newPassword(20)).isNotEqualTo(codec.newPassword(20));
    }
}
