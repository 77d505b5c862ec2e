package io.earpiece.plugins.export.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private final SecretBox box = SecretBox.fromBase64Key(SecretBox.newBase64Key());

    @Test
    void sealsAndOpensWithFreshNonces() throws Exception {
        String a = box.seal(Secret.of("pat-na1-123"));
        String b = box.seal(Secret.of("pat-na1-123"));

        assertThat(a).startsWith("sb1." + box.keyId() + ".").doesNotContain("pat-na1").isNotEqualTo(b);
        assertThat(box.open(a).reveal()).isEqualTo("pat-na1-123");
        assertThat(box.open(b).reveal()).isEqualTo("pat-na1-123");
    }

    @Test
    void rejectsTamperingOtherKeysAndMalformedValues() {
        String sealed = box.seal(Secret.of("token"));
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        SecretBox other = SecretBox.fromBase64Key(SecretBox.newBase64Key());

        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("another key");
        assertThatThrownBy(() -> box.open("sb2." + box.keyId() + ".AAAA")).hasMessageContaining("version");
        assertThatThrownBy(() -> box.open("sb1." + box.keyId() + ".AAAA")).hasMessageContaining("too short");
        assertThatThrownBy(() -> box.open("plain")).isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> new SecretBox(new byte[16], new java.security.SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsSecrets() {
        assertThat(Secret.of("hunter2").toString()).doesNotContain("hunter2");
        assertThat(box.toString()).doesNotContain(SecretBox.newBase64Key());
    }
}
