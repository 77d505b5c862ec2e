package io.earpiece.console.telephony;

import io.earpiece.sip.b2bua.RingFallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RingPropertiesTest {

    @Test
    void noFallbacksConfiguredIsNoFallback() {
        TelephonyProperties.Ring ring = new TelephonyProperties.Ring(Duration.ofSeconds(30), "", null);
        assertThat(ring.config().fallbackFor("alice")).isEmpty();
        assertThat(ring.config().noAnswer()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRepsFallbackReplacesTheDefault() {
        TelephonyProperties.Ring ring = new TelephonyProperties.Ring(Duration.ofSeconds(20), "sip:vm@pbx.test",
                Map.of("alice", "rep:bob"));
        assertThat(ring.config().fallbackFor("alice")).contains(new RingFallback.Rep("bob"));
        assertThat(ring.config().fallbackFor("carol")).contains(new RingFallback.Uri("sip:vm@pbx.test"));
    }

    @Test
    void aMalformedFallbackStopsStartUpNamingItsProperty() {
        assertThatThrownBy(() -> new TelephonyProperties.Ring(Duration.ofSeconds(30), "voicemail", null))
                .hasMessageStartingWith("earpiece.telephony.ring.fallback: ").hasMessageContaining("'voicemail'");
        assertThatThrownBy(() -> new TelephonyProperties.Ring(Duration.ofSeconds(30), "",
                Map.of("alice", "rep:")))
                .hasMessageStartingWith("earpiece.telephony.ring.fallbacks.alice: ");
    }
}
