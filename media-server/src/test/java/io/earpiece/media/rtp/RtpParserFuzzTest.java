package io.earpiece.media.rtp;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any datagram reaching an RTP port is parsed or refused with {@link RtpParseException}, nothing else.
 * Without {@code JAZZER_FUZZ} this runs the seeds in {@code RtpParserFuzzTestInputs/parse} as a unit test.
 */
class RtpParserFuzzTest {

    private final RtpParser parser = new RtpParser();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] datagram) {
        RtpPacket packet;
        try {
            packet = parser.parse(datagram);
        } catch (RtpParseException refused) {
            assertThat(refused.reason()).isNotNull();
            return;
        }
        // What was accepted must fit in what arrived: header, CSRCs and payload never read past the datagram.
        assertThat(RtpParser.FIXED_HEADER + 4 * packet.csrcs().length + packet.payload().length)
                .isLessThanOrEqualTo(datagram.length);
        assertThat(packet.payloadType()).isBetween(0, 127);
    }
}
