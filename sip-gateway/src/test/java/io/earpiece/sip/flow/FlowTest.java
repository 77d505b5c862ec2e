package io.earpiece.sip.flow;

import io.earpiece.sip.register.Binding;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowTest {

    @Test
    void aSourceParsesBackToItsFlowIpv6Included() {
        assertThat(Flow.parse("203.0.113.9:40122;transport=TCP")).isEqualTo(new Flow("203.0.113.9", 40122, "tcp"));
        Flow v6 = Flow.parse("2001:db8::7:5061;transport=tls");
        assertThat(v6).isEqualTo(new Flow("2001:db8::7", 5061, "tls"));
        assertThat(Flow.parse(v6.source())).isEqualTo(v6);
    }

    @Test
    void aDatagramOrMalformedSourceIsNoFlow() {
        assertThatThrownBy(() -> Flow.parse("203.0.113.9:5060;transport=udp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udp");
        assertThatThrownBy(() -> Flow.parse("203.0.113.9;transport=tcp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flow.parse("203.0.113.9:x;transport=tcp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Flow.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyABindingWithInstanceAndRegIdOverAStreamIsAFlow() {
        String tcp = Binding.source("198.51.100.4", 50001, "TCP");
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(new Binding("a", "sip:a@10.0.0.2", tcp, "c", 1, later, null, "<urn:uuid:1>", 1).flow())
                .isEqualTo(new Flow("198.51.100.4", 50001, "tcp"));
        assertThat(new Binding("a", "sip:a@10.0.0.2", tcp, "c", 1, later, null).flow()).isNull();
        String udp = Binding.source("198.51.100.4", 5060, "udp");
        assertThat(new Binding("a", "sip:a@10.0.0.2", udp, "c", 1, later, null, "<urn:uuid:1>", 1).flow()).isNull();
    }

    @Test
    void aClosedFlowUnpinsItsCallsAndTellsItsListeners() {
        Flows flows = new Flows();
        Flow flow = new Flow("198.51.100.4", 50001, "tcp");
        java.util.List<Flow> heard = new java.util.ArrayList<>();
        flows.onClosed(heard::add);
        flows.opened(flow);
        assertThat(flows.isOpen(flow)).isTrue();
        flows.pin("leg-1", flow);
        flows.pin("leg-2", new Flow("198.51.100.5", 50001, "tcp"));
        flows.closed(flow);
        assertThat(flows.pinned("leg-1")).isEmpty();
        assertThat(flows.pinned("leg-2")).isPresent();
        assertThat(heard).containsExactly(flow);
        assertThat(flows.isOpen(flow)).as("a later close than its REGISTER's").isFalse();
    }
}
