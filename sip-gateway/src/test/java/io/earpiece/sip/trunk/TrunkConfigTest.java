package io.earpiece.sip.trunk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrunkConfigTest {

    static TrunkConfig trunk(String host, String username, String realm, String callerId, List<String> codecs,
                             List<String> sources) {
        return new TrunkConfig("t", host, 5060, "udp", username, "pass\r\nword", realm, callerId, codecs, sources, null);
    }

    @Test
    void controlCharactersInValuesThatGoIntoSipHeadersAreRefused() {
        assertThatThrownBy(() -> trunk("192.0.2.1\r\nX-Injected: 1", "u", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host").hasMessageContaining("control");
        assertThatThrownBy(() -> trunk("192.0.2.1", "u\nVia: x", null, null, null, null)).hasMessageContaining("username");
        assertThatThrownBy(() -> trunk("192.0.2.1", "u", "realm\r", null, null, null)).hasMessageContaining("realm");
        assertThatThrownBy(() -> trunk("192.0.2.1", "u", null, "+1555\u0000", null, null)).hasMessageContaining("callerId");
        assertThatThrownBy(() -> trunk("192.0.2.1", "u", null, null, List.of("PCMU\n"), null)).hasMessageContaining("codecs");
        assertThatThrownBy(() -> trunk("192.0.2.1", "u", null, null, null, List.of("192.0.2.1\t")))
                .hasMessageContaining("allowedSources");
    }

    @Test
    void ordinaryValuesAndAPasswordWithAnyCharactersPass() {
        // The password only feeds the digest hash; it never appears in a header.
        assertThatCode(() -> trunk("sip.carrier.example", "earpiece+1", "carrier.example", "+15550100",
                List.of("PCMU", "PCMA"), List.of("192.0.2.1"))).doesNotThrowAnyException();
    }

    @Test
    void transportIsUdpTcpOrTlsAndAClientCertificateNeedsItsKey() {
        assertThat(new TrunkConfig("t", "h", 5061, "TLS", "u", "p", null, null, null, null, null).transport())
                .isEqualTo("tls");
        assertThat(new TrunkConfig("t", "h", 5060, null, "u", "p", null, null, null, null, null).transport())
                .isEqualTo("udp");
        assertThatThrownBy(() -> new TrunkConfig("t", "h", 5060, "sctp", "u", "p", null, null, null, null, null))
                .hasMessageContaining("unsupported transport sctp (udp, tcp or tls)");
        assertThatThrownBy(() -> new TrunkTls(null, null, java.nio.file.Path.of("client.pem"), null))
                .hasMessageContaining("both a client certificate and its private key");
    }
}
