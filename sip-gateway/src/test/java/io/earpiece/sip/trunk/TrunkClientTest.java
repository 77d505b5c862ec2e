package io.earpiece.sip.trunk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrunkClientTest {

    @Test
    void refreshesWellBeforeExpiry() {
        assertThat(TrunkClient.refreshDelay(3600)).isEqualTo(Duration.ofSeconds(3595));
        assertThat(TrunkClient.refreshDelay(60)).isEqualTo(Duration.ofSeconds(55));
        assertThat(TrunkClient.refreshDelay(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TrunkClient.refreshDelay(0)).isPositive();
    }

    @Test
    void configHidesThePasswordAndChecksSources() {
        TrunkConfig c = new TrunkConfig("t", "192.0.2.1", 5060, null, "u", "hunter2", null, null, null,
                List.of("192.0.2.1", "192.0.2.2"), null);
        assertThat(c.toString()).doesNotContain("hunter2");
        assertThat(c.allows("192.0.2.2")).isTrue();
        assertThat(c.allows("198.51.100.9")).isFalse();
        assertThat(c.codecs()).containsExactly("PCMU", "PCMA");
        assertThatThrownBy(() -> new TrunkConfig("t", "h", 5060, "ws", "u", "p", null, null, null, null, null))
                .hasMessageContaining("udp");
    }
}
