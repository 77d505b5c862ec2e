package io.earpiece.sip.sdp;

import io.earpiece.sip.call.Codec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecNegotiatorTest {
    private final SdpParser parser = new SdpParser();
    private final CodecNegotiator negotiator = new CodecNegotiator();

    /** Runs negotiation on fuzzed input, where only the typed 488 outcome is allowed besides success. */
    static final class Probe {
        void negotiateQuietly(SessionDescription sd) {
            try {
                new CodecNegotiator().negotiate(sd);
            } catch (SdpNotAcceptableException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private SessionDescription offer(String media, String... extra) throws SdpParseException {
        StringBuilder b = new StringBuilder("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n");
        b.append(media).append("\r\n");
        for (String line : extra) {
            b.append(line).append("\r\n");
        }
        return parser.parse(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void picksTheFirstG711InTheOffersOrderWithTelephoneEvent() throws Exception {
        Negotiation n = negotiator.negotiate(offer("m=audio 5000 RTP/AVP 18 8 0 101",
                "a=rtpmap:18 G729/8000", "a=rtpmap:101 telephone-event/8000"));

        assertThat(n.codec()).isEqualTo(Codec.PCMA);
        assertThat(n.telephoneEventPt()).isEqualTo(101);
        assertThat(n.remoteHost()).isEqualTo("192.0.2.1");
        assertThat(n.remotePort()).isEqualTo(5000);
        assertThat(n.onHold()).isFalse();
        assertThat(n.direction()).isEqualTo(MediaDirection.SENDRECV);
    }

    @Test
    void staticPayloadTypesNeedNoRtpmapAndDynamicOnesAreHonoured() throws Exception {
        assertThat(negotiator.negotiate(offer("m=audio 5000 RTP/AVP 0")).codec()).isEqualTo(Codec.PCMU);
        Negotiation dyn = negotiator.negotiate(offer("m=audio 5000 RTP/AVP 96", "a=rtpmap:96 pcmu/8000"));
        assertThat(dyn.codec()).isEqualTo(new Codec("PCMU", 96, 8000));
        assertThat(dyn.telephoneEventPt()).isEqualTo(-1);
    }

    @Test
    void keepsTheCurrentCodecWhenAReofferStillContainsIt() throws Exception {
        Negotiation n = negotiator.negotiate(offer("m=audio 5000 RTP/AVP 0 8"), Codec.PCMA);
        assertThat(n.codec()).isEqualTo(Codec.PCMA);
    }

    @Test
    void detectsHoldBySendonlyInactiveOrNullAddress() throws Exception {
        assertThat(negotiator.negotiate(offer("m=audio 5000 RTP/AVP 0", "a=sendonly")).onHold()).isTrue();
        assertThat(negotiator.negotiate(offer("m=audio 5000 RTP/AVP 0", "a=inactive")).onHold()).isTrue();
        assertThat(negotiator.negotiate(offer("m=audio 5000 RTP/AVP 0", "c=IN IP4 0.0.0.0")).onHold()).isTrue();
        assertThat(negotiator.negotiate(offer("m=audio 5000 RTP/AVP 0", "a=recvonly")).onHold()).isFalse();
    }

    @Test
    void refusesOffersWithoutG711() throws Exception {
        assertThatThrownBy(() -> negotiator.negotiate(offer("m=audio 5000 RTP/AVP 18", "a=rtpmap:18 G729/8000")))
                .isInstanceOf(SdpNotAcceptableException.class).hasMessageContaining("PCMU");
        // RTP/SAVP is negotiated here and left to the SRTP policy (SdesNegotiator); other profiles are not.
        assertThat(negotiator.negotiate(offer("m=audio 5000 RTP/SAVP 0")).codec().name()).isEqualTo("PCMU");
        assertThatThrownBy(() -> negotiator.negotiate(offer("m=audio 5000 UDP/TLS/RTP/SAVPF 0")))
                .isInstanceOf(SdpNotAcceptableException.class).hasMessageContaining("UDP/TLS/RTP/SAVPF");
        assertThatThrownBy(() -> negotiator.negotiate(offer("m=video 5000 RTP/AVP 0")))
                .isInstanceOf(SdpNotAcceptableException.class).hasMessageContaining("no audio");
        assertThatThrownBy(() -> negotiator.negotiate(offer("m=audio 0 RTP/AVP 0")))
                .isInstanceOf(SdpNotAcceptableException.class);
        assertThatThrownBy(() -> negotiator.negotiate(offer("m=audio 5000 RTP/AVP 97", "a=rtpmap:97 PCMU/16000")))
                .isInstanceOf(SdpNotAcceptableException.class);
    }

    @Test
    void answerHasOneAudioLineWithChosenCodecAndRejectsOtherStreams() throws Exception {
        SessionDescription offer = offer("m=video 6000 RTP/AVP 31\r\nm=audio 5000 RTP/AVP 8 0 101",
                "a=rtpmap:101 telephone-event/8000", "a=sendonly");
        Negotiation n = negotiator.negotiate(offer);
        String text = new SdpFormatter().format(
                new AnswerBuilder("earpiece").answer(offer, n, "203.0.113.9", 40000, 77, 2));

        assertThat(text).isEqualTo("v=0\r\n"
                + "o=earpiece 77 2 IN IP4 203.0.113.9\r\n"
                + "s=earpiece\r\n"
                + "c=IN IP4 203.0.113.9\r\n"
                + "t=0 0\r\n"
                + "m=video 0 RTP/AVP 31\r\n"
                + "m=audio 40000 RTP/AVP 8 101\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=recvonly\r\n");
        assertThat(new SdpParser().parse(text.getBytes(StandardCharsets.UTF_8)).media()).hasSize(2);
    }
}
