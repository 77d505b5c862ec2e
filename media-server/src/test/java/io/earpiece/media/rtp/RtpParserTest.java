package io.earpiece.media.rtp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class RtpParserTest {

    private final RtpParser parser = new RtpParser();
    private final RtpPacketWriter writer = new RtpPacketWriter();

    @Test
    void parsesFixedHeaderFields() throws Exception {
        byte[] wire = {(byte) 0x80, (byte) 0x80, 0x12, 0x34, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE,
                (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 1, 2, 3};
        RtpPacket p = parser.parse(wire);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isZero();
        assertThat(p.sequenceNumber()).isEqualTo(0x1234);
        assertThat(p.timestamp()).isEqualTo(0xFFFF_FFFEL);
        assertThat(p.ssrc()).isEqualTo(0xDEAD_BEEFL);
        assertThat(p.payload()).containsExactly(1, 2, 3);
        assertThat(p.extensionProfile()).isEqualTo(-1);
    }

    @Test
    void skipsCsrcsExtensionAndPadding() throws Exception {
        byte[] wire = {
                (byte) 0xB2, 8, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,   // V=2 P=1 X=1 CC=2, PT 8
                0, 0, 0, 10, 0, 0, 0, 11,                       // two CSRCs
                (byte) 0xBE, (byte) 0xDE, 0, 1, 9, 9, 9, 9,     // extension: profile, one word
                42, 43,                                          // payload
                0, 0, 3};                                        // three bytes of padding
        RtpPacket p = parser.parse(wire);
        assertThat(p.csrcs()).containsExactly(10, 11);
        assertThat(p.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(p.payloadType()).isEqualTo(8);
        assertThat(p.payload()).containsExactly(42, 43);
    }

    @Test
    void rejectsWithTheFailedCheckAsReason() {
        assertReason(new byte[] {(byte) 0x80, 0, 0}, RtpParseException.Reason.TOO_SHORT);
        assertReason(new byte[12], RtpParseException.Reason.BAD_VERSION);
        assertReason(header(0x8F, 20), RtpParseException.Reason.TRUNCATED_CSRC);
        assertReason(header(0x90, 14), RtpParseException.Reason.TRUNCATED_EXTENSION);
        byte[] extensionTooLong = header(0x90, 16);
        extensionTooLong[15] = 5;
        assertReason(extensionTooLong, RtpParseException.Reason.TRUNCATED_EXTENSION);
        byte[] zeroPadding = header(0xA0, 14);
        assertReason(zeroPadding, RtpParseException.Reason.BAD_PADDING);
        byte[] paddingPastHeader = header(0xA0, 14);
        paddingPastHeader[13] = 3;
        assertReason(paddingPastHeader, RtpParseException.Reason.BAD_PADDING);
    }

    @Test
    void roundTripsWhatTheWriterProduces() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            byte[] payload = new byte[random.nextInt(300)];
            random.nextBytes(payload);
            int[] csrcs = random.ints(random.nextInt(16)).toArray();
            RtpPacket p = new RtpPacket(random.nextBoolean(), random.nextInt(128), random.nextInt(65536),
                    random.nextLong() & 0xFFFF_FFFFL, random.nextLong() & 0xFFFF_FFFFL, csrcs,
                    random.nextBoolean() ? random.nextInt(65536) : -1, payload);
            assertThat(parser.parse(writer.write(p))).isEqualTo(p);
        }
    }

    @Test
    void randomBytesEitherParseWithinBoundsOrThrowTheTypedException() {
        Random random = new Random(20240611);
        int parsed = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] data = new byte[random.nextInt(80)];
            random.nextBytes(data);
            if (random.nextBoolean() && data.length > 0) {
                data[0] = (byte) (0x80 | (data[0] & 0x3F));   // half the inputs get past the version check
            }
            try {
                RtpPacket p = parser.parse(data);
                assertThat(p.payload().length).isLessThanOrEqualTo(data.length - RtpParser.FIXED_HEADER);
                assertThat(p.payloadType()).isBetween(0, 127);
                parsed++;
            } catch (RtpParseException expected) {
                assertThat(expected.reason()).isNotNull();
            } catch (RuntimeException e) {
                fail("parser threw " + e + " for " + java.util.HexFormat.of().formatHex(data));
            }
        }
        assertThat(parsed).as("some random inputs are valid RTP").isPositive();
    }

    @Test
    void mutatedValidPacketsNeverEscapeTheTypedException() {
        Random random = new Random(99);
        for (int i = 0; i < 50_000; i++) {
            byte[] payload = new byte[random.nextInt(200)];
            byte[] wire = writer.write(new RtpPacket(false, 0, i & 0xFFFF, i, 1, random.ints(random.nextInt(4)).toArray(),
                    random.nextBoolean() ? 0x1000 : -1, payload));
            for (int flips = random.nextInt(4); flips >= 0; flips--) {
                wire[random.nextInt(wire.length)] ^= (byte) (1 << random.nextInt(8));
            }
            int length = random.nextInt(wire.length + 1);
            try {
                parser.parse(wire, 0, length);
            } catch (RtpParseException expected) {
                // fine: refused with a reason
            } catch (RuntimeException e) {
                fail("parser threw " + e);
            }
        }
    }

    private static byte[] header(int firstByte, int length) {
        byte[] b = new byte[length];
        b[0] = (byte) firstByte;
        return b;
    }

    private void assertReason(byte[] data, RtpParseException.Reason reason) {
        assertThatThrownBy(() -> parser.parse(data))
                .isInstanceOf(RtpParseException.class)
                .satisfies(e -> assertThat(((RtpParseException) e).reason()).isEqualTo(reason));
    }
}
