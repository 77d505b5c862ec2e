package io.earpiece.sip.register;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which node of a cluster can ring a binding. */
class BindingTest {

    private static Binding over(String transport, String node, List<String> path) {
        return new Binding("alice", "sip:alice@192.0.2.7:5062", Binding.source("192.0.2.7", 40512, transport), "c1",
                1, Instant.EPOCH, null, node, path);
    }

    @Test
    void aUdpDeviceIsReachableFromEveryNode() {
        assertThat(over("udp", "a", List.of()).reachableFrom("b")).isTrue();
    }

    @Test
    void aConnectionDeviceIsReachableOnlyFromTheNodeHoldingItsConnection() {
        assertThat(over("tcp", "a", List.of()).reachableFrom("a")).isTrue();
        assertThat(over("tls", "a", List.of()).reachableFrom("b")).isFalse();
    }

    @Test
    void aConnectionDeviceRegisteredThroughAnEdgeProxyIsReachableFromEveryNode() {
        assertThat(over("tcp", "a", List.of("<sip:10.0.0.2;lr>")).reachableFrom("b")).isTrue();
    }

    @Test
    void aBindingFromBeforeNodesWereKeptIsTakenAsReachable() {
        assertThat(over("tcp", null, List.of()).reachableFrom("b")).isTrue();
    }
}
