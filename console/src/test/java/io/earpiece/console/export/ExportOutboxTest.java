package io.earpiece.console.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportOutboxTest {

    @Test
    void readsTheUserPartOfSipUris() {
        assertThat(ExportOutbox.user("sip:+15550100@pstn.test")).isEqualTo("+15550100");
        assertThat(ExportOutbox.user("\"Alice\" <sips:alice@acme.test;transport=tls>")).isEqualTo("alice");
        assertThat(ExportOutbox.user("tel:+4930123456")).isEqualTo("+4930123456");
        assertThat(ExportOutbox.user(null)).isNull();
    }
}
