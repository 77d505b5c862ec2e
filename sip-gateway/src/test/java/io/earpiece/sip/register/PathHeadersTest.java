package io.earpiece.sip.register;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How one Path header's value is split into its entries. */
class PathHeadersTest {

    @Test
    void entriesSplitOnCommasOutsideAngleBracketsAndQuotes() {
        assertThat(PathHeaders.split("<sip:p1.example;lr>, \"Edge, west\" <sip:p2.example;lr;x=a,b>"))
                .containsExactly("<sip:p1.example;lr>", "\"Edge, west\" <sip:p2.example;lr;x=a,b>");
    }

    @Test
    void oneEntryIsOneEntry() {
        assertThat(PathHeaders.split(" <sip:10.0.0.2:5060;lr;received=sip:192.0.2.7:40512> "))
                .containsExactly("<sip:10.0.0.2:5060;lr;received=sip:192.0.2.7:40512>");
    }
}
