package io.earpiece.sip.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An offer's body is the peer's: it parses or throws {@link SdpParseException}, nothing else, and what parses
 * formats back into SDP that parses again. Seeds in {@code SdpParserFuzzTestInputs/parse}.
 */
class SdpParserFuzzTest {

    private final SdpParser parser = new SdpParser();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] body) {
        SessionDescription sdp;
        try {
            sdp = parser.parse(body);
        } catch (SdpParseException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(sdp.origin()).isNotNull();
        for (MediaDescription m : sdp.media()) {
            assertThat(m.port()).isBetween(0, 65535);
        }
    }
}
