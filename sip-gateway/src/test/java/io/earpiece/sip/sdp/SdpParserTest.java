package io.earpiece.sip.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class SdpParserTest {
    static final String OFFER = "v=0\r\n"
            + "o=alice 2890844526 2890844527 IN IP4 10.0.0.5\r\n"
            + "s=call\r\n"
            + "i=ignored information\r\n"
            + "c=IN IP4 10.0.0.5\r\n"
            + "b=AS:64\r\n"
            + "t=0 0\r\n"
            + "a=sendrecv\r\n"
            + "m=audio 49170 RTP/AVP 8 0 101\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\n"
            + "a=ptime:20\r\n"
            + "m=video 51372 RTP/AVP 31\r\n"
            + "c=IN IP4 10.0.0.6\r\n"
            + "a=inactive\r\n";

    private final SdpParser parser = new SdpParser();
    private final SdpFormatter formatter = new SdpFormatter();

    private SessionDescription parse(String text) throws SdpParseException {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesSessionAndMediaSections() throws Exception {
        SessionDescription sd = parse(OFFER);

        assertThat(sd.origin()).isEqualTo(new Origin("alice", "2890844526", "2890844527", "IN", "IP4", "10.0.0.5"));
        assertThat(sd.sessionName()).isEqualTo("call");
        assertThat(sd.connection()).isEqualTo(new Connection("IN", "IP4", "10.0.0.5"));
        assertThat(sd.attributes()).containsExactly(SdpAttribute.flag("sendrecv"));
        assertThat(sd.media()).hasSize(2);
        MediaDescription audio = sd.media().get(0);
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(49170);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("8", "0", "101");
        assertThat(audio.rtpmap("101")).contains("telephone-event/8000");
        assertThat(audio.attribute("ptime")).contains("20");
        assertThat(sd.connectionFor(audio).host()).isEqualTo("10.0.0.5");
        MediaDescription video = sd.media().get(1);
        assertThat(sd.connectionFor(video).host()).isEqualTo("10.0.0.6");
        assertThat(sd.directionFor(video)).isEqualTo(MediaDirection.INACTIVE);
        assertThat(sd.directionFor(audio)).isEqualTo(MediaDirection.SENDRECV);
    }

    @Test
    void acceptsBareLineFeedsAndMissingTrailingNewline() throws Exception {
        SessionDescription sd = parse("v=0\no=- 1 1 IN IP4 1.2.3.4\ns=-\nc=IN IP4 1.2.3.4\nt=0 0\nm=audio 4000 RTP/AVP 0");
        assertThat(sd.media().get(0).port()).isEqualTo(4000);
    }

    @Test
    void formatThenParseIsIdentity() throws Exception {
        SessionDescription sd = parse(OFFER);
        String text = formatter.format(sd);

        assertThat(parse(text)).isEqualTo(sd);
        assertThat(text).startsWith("v=0\r\no=alice ").endsWith("a=inactive\r\n").doesNotContain("i=").doesNotContain("b=");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "o=- 1 1 IN IP4 1.2.3.4\r\n",
            "v=1\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\n",
            "v=0\r\ns=-\r\nc=IN IP4 1.2.3.4\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.4\r\n",
            "v=0\r\no=- x 1 IN IP4 1.2.3.4\r\ns=-\r\n",
            "v=0\r\no=- 1 1 IN IP4\r\ns=-\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nm=audio 70000 RTP/AVP 0\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nm=audio -1 RTP/AVP 0\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=ATM NSAP 1\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\n\r\ns=-\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nX=1\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\na=bad name\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=a\u0000b\r\n",
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0\r\no=- 1 1 IN IP4 1.2.3.4\r\n",
    })
    void rejectsMalformedDescriptionsWithTheTypedException(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(SdpParseException.class).hasMessageNotContaining("null");
    }

    @Test
    void namesTheLineThatFailed() {
        SdpParseException e = (SdpParseException) catchThrowable(() ->
                parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nm=audio 99999 RTP/AVP 0\r\n"));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("port");
    }

    @Test
    void rejectsOversizedAndNonUtf8Input() {
        assertThatThrownBy(() -> parser.parse(new byte[SdpParser.MAX_BYTES + 1])).isInstanceOf(SdpParseException.class)
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> parser.parse(new byte[] {'v', '=', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(SdpParseException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(SdpParseException.class);
    }

    @Test
    void randomBytesOnlyEverYieldTheTypedException() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(600)];
            random.nextBytes(junk);
            assertOnlyTypedFailure(junk);
        }
    }

    @Test
    void mutatedOffersOnlyEverYieldTheTypedException() {
        Random random = new Random(7);
        byte[] valid = OFFER.getBytes(StandardCharsets.UTF_8);
        List<byte[]> alphabet = List.of(" ".getBytes(), "\r\n".getBytes(), "=".getBytes(), ":".getBytes(),
                "/".getBytes(), "0".getBytes(), "99999999999999999999999".getBytes(), "m=".getBytes(), "\u00e9".getBytes(
                        StandardCharsets.UTF_8));
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] m = valid.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int pos = random.nextInt(m.length);
                if (random.nextBoolean()) {
                    m[pos] = (byte) random.nextInt(256);
                } else {
                    byte[] ins = alphabet.get(random.nextInt(alphabet.size()));
                    byte[] out = new byte[m.length + ins.length];
                    System.arraycopy(m, 0, out, 0, pos);
                    System.arraycopy(ins, 0, out, pos, ins.length);
                    System.arraycopy(m, pos, out, pos + ins.length, m.length - pos);
                    m = out;
                }
            }
            if (assertOnlyTypedFailure(m)) {
                parsed++;
            }
        }
        // Mutations must exercise both outcomes, or the fuzzing proves nothing.
        assertThat(parsed).isBetween(100, 19_900);
    }

    /** True when the bytes parsed; fails the test on anything but SdpParseException. */
    private boolean assertOnlyTypedFailure(byte[] bytes) {
        try {
            SessionDescription sd = parser.parse(bytes);
            new CodecNegotiatorTest.Probe().negotiateQuietly(sd);
            formatter.format(sd);
            return true;
        } catch (SdpParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        }
    }
}
