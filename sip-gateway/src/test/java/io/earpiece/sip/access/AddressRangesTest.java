package io.earpiece.sip.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangesTest {

    @Test
    void loopbackCoversAll127AndIpv6LoopbackOnly() {
        AddressRanges r = AddressRanges.loopback();
        assertThat(r.contains("127.0.0.1")).isTrue();
        assertThat(r.contains("127.3.4.5")).isTrue();
        assertThat(r.contains("::1")).isTrue();
        assertThat(r.contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(r.contains("10.0.0.1")).isFalse();
        assertThat(r.contains("192.168.1.10")).isFalse();
        assertThat(r.contains("128.0.0.1")).isFalse();
    }

    @Test
    void cidrRangesAndSingleAddressesMatchByPrefix() {
        AddressRanges r = AddressRanges.parse(List.of("10.0.0.0/8", " 203.0.113.7 ", "172.16.0.0/12",
                "2001:db8::/32", "198.51.100.128/25"));
        assertThat(r.contains("10.255.1.2")).isTrue();
        assertThat(r.contains("11.0.0.1")).isFalse();
        assertThat(r.contains("203.0.113.7")).isTrue();
        assertThat(r.contains("203.0.113.8")).isFalse();
        assertThat(r.contains("172.31.255.255")).isTrue();
        assertThat(r.contains("172.32.0.0")).isFalse();
        assertThat(r.contains("2001:db8:1::5")).isTrue();
        assertThat(r.contains("2001:db9::5")).isFalse();
        assertThat(r.contains("198.51.100.200")).isTrue();
        assertThat(r.contains("198.51.100.127")).isFalse();
        assertThat(r.contains("127.0.0.1")).as("loopback is not implied").isFalse();
    }

    @Test
    void ipv4MappedIpv6PeersMatchTheirIpv4Range() {
        assertThat(AddressRanges.parse(List.of("10.0.0.0/8")).contains("::ffff:10.1.2.3")).isTrue();
    }

    @Test
    void anythingButAnIpLiteralIsNotContainedAndNeverResolved() {
        AddressRanges all = AddressRanges.parse(List.of("0.0.0.0/0"));
        assertThat(all.contains("10.0.0.1")).isTrue();
        assertThat(all.contains("localhost")).isFalse();
        assertThat(all.contains("example.com")).isFalse();
        assertThat(all.contains(null)).isFalse();
        assertThat(all.contains("")).isFalse();
        assertThat(all.contains("1.2.3")).isFalse();
    }

    @Test
    void emptyEntriesMeanNoAddress() {
        AddressRanges none = AddressRanges.parse(List.of("", " "));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.contains("127.0.0.1")).isFalse();
        assertThat(AddressRanges.none().contains("127.0.0.1")).isFalse();
    }

    @Test
    void badEntriesAreRefusedWithTheEntryNamed() {
        assertThatThrownBy(() -> AddressRanges.parse(List.of("pbx.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pbx.example.com");
        assertThatThrownBy(() -> AddressRanges.parse(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> AddressRanges.parse(List.of("10.0.0.0/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> AddressRanges.parse(List.of("10.1.2.3/8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/8");
    }
}
