package io.earpiece.sip.b2bua;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RingFallbackTest {

    @Test
    void readsEachFormOfFallback() {
        assertThat(RingFallback.parse("rep:bob")).isEqualTo(new RingFallback.Rep("bob"));
        assertThat(RingFallback.parse(" sip:voicemail@pbx.example.com:5070 "))
                .isEqualTo(new RingFallback.Uri("sip:voicemail@pbx.example.com:5070"));
        assertThat(RingFallback.parse("+4930123456")).isEqualTo(new RingFallback.Number("+4930123456"));
        assertThat(RingFallback.parse("5000")).isEqualTo(new RingFallback.Number("5000"));
    }

    @Test
    void refusesAnythingElseQuotingIt() {
        for (String bad : new String[] {"", "rep:", "rep:b ob", "sip:pbx.example.com", "bob", "tel:5000", "12-34"}) {
            assertThatThrownBy(() -> RingFallback.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void aRepsOwnFallbackReplacesTheDefault() {
        RingConfig ring = new RingConfig(Duration.ofSeconds(20), Map.of("alice", new RingFallback.Rep("bob")),
                new RingFallback.Number("5000"));
        assertThat(ring.fallbackFor("alice")).contains(new RingFallback.Rep("bob"));
        assertThat(ring.fallbackFor("carol")).contains(new RingFallback.Number("5000"));
        assertThat(RingConfig.NONE.fallbackFor("alice")).isEmpty();
    }
}
