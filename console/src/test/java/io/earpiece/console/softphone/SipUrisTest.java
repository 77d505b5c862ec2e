package io.earpiece.console.softphone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SipUrisTest {

    @Test
    void hostPortBracketsIpv6() {
        assertThat(SipUris.hostPort("10.0.0.1", 5060)).isEqualTo("10.0.0.1:5060");
        assertThat(SipUris.hostPort("::1", 5060)).isEqualTo("[::1]:5060");
    }

    @Test
    void hostPortOfDropsSchemeUserAndParameters() {
        assertThat(SipUris.hostPortOf("sip:earpiece:5060")).isEqualTo("earpiece:5060");
        assertThat(SipUris.hostPortOf("SIP:pbx.example;transport=udp")).isEqualTo("pbx.example");
        assertThat(SipUris.hostPortOf("sips:alice@pbx.example:5061")).isEqualTo("pbx.example:5061");
    }

    @Test
    void refusesWhatIsNoSipUri() {
        assertThatThrownBy(() -> SipUris.hostPortOf("http://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipUris.hostPortOf("sip:")).isInstanceOf(IllegalArgumentException.class);
    }
}
