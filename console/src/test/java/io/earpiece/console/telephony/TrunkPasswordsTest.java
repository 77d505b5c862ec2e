package io.earpiece.console.telephony;

import io.earpiece.plugins.export.secret.SecretBox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrunkPasswordsTest {

    @Test
    void sealsSoThatOnlyTheSameKeyOpens() {
        TrunkPasswords box = new TrunkPasswords(SecretBox.newBase64Key());
        String sealed = box.seal("trunk-s3cret");
        assertThat(sealed).doesNotContain("trunk-s3cret").isNotEqualTo(box.seal("trunk-s3cret"));
        assertThat(box.open(sealed)).isEqualTo("trunk-s3cret");
        assertThatThrownBy(() -> new TrunkPasswords(SecretBox.newBase64Key()).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another key");
    }

    @Test
    void refusesToStoreWithoutAKey() {
        TrunkPasswords none = new TrunkPasswords("");
        assertThat(none.available()).isFalse();
        assertThatThrownBy(() -> none.seal("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("earpiece.secret-key");
    }
}
