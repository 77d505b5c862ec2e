package io.earpiece.sip.b2bua;

import io.earpiece.sip.call.Codec;
import io.earpiece.sip.sdp.CodecNegotiator;
import io.earpiece.sip.sdp.SdpFormatter;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** From an agreed offer/answer to what each leg of a relayed call carries, and the SDP each leg is given. */
class RelayPlanTest {
    private final CodecNegotiator negotiator = new CodecNegotiator();

    static SessionDescription sdp(String audio, String... attributes) throws Exception {
        StringBuilder s = new StringBuilder("v=0\r\no=x 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP " + audio + "\r\n");
        for (String a : attributes) {
            s.append("a=").append(a).append("\r\n");
        }
        s.append("a=sendrecv\r\nm=video 0 RTP/AVP 31\r\n");
        return new SdpParser().parse(s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(SessionDescription sdp) {
        return new SdpFormatter().format(sdp);
    }

    @Test
    void bothLegsCarryTheAnswersCodecEachWithItsOwnEventType() throws Exception {
        RelayPlan plan = RelayPlan.agree(negotiator, sdp("0 8 101", "rtpmap:101 telephone-event/8000"),
                sdp("8 96", "rtpmap:96 telephone-event/8000"));
        assertThat(plan.offerer()).isEqualTo(new RelayPlan.LegFormat(Codec.PCMA, 101));
        assertThat(plan.answerer()).isEqualTo(new RelayPlan.LegFormat(Codec.PCMA, 96));
        assertThat(plan.transcodes()).isFalse();
    }

    @Test
    void anAnswerWithACodecTheOffererLacksMakesTheRelayTranscode() throws Exception {
        // The offer as widened for the answerer had PCMU added; the offerer itself only has PCMA.
        RelayPlan plan = RelayPlan.agree(negotiator, sdp("8 101", "rtpmap:101 telephone-event/8000"),
                sdp("0 96", "rtpmap:96 telephone-event/8000"));
        assertThat(plan.offerer()).isEqualTo(new RelayPlan.LegFormat(Codec.PCMA, 101));
        assertThat(plan.answerer()).isEqualTo(new RelayPlan.LegFormat(Codec.PCMU, 96));
        assertThat(plan.transcodes()).isTrue();
    }

    @Test
    void theOffererGetsNoEventsWhenTheAnswererTookNone() throws Exception {
        RelayPlan plan = RelayPlan.agree(negotiator, sdp("0 101", "rtpmap:101 telephone-event/8000"), sdp("0"));
        assertThat(plan.offerer().telephoneEventPt()).isEqualTo(-1);
        assertThat(plan.answerer().telephoneEventPt()).isEqualTo(-1);
    }

    @Test
    void anAnswerWithoutG711CannotBePlanned() throws Exception {
        assertThatThrownBy(() -> RelayPlan.agree(negotiator, sdp("0 111", "rtpmap:111 opus/48000/2"),
                sdp("111", "rtpmap:111 opus/48000/2"))).isInstanceOf(SdpNotAcceptableException.class);
    }

    @Test
    void aReofferKeepsTheAnsweringLegsEventTypeAndOffersItsCodecToo() throws Exception {
        SessionDescription offer = sdp("8 101", "rtpmap:8 PCMA/8000", "rtpmap:101 telephone-event/8000",
                "fmtp:101 0-15");
        String onward = text(AudioFormats.keeping(offer, 101, new RelayPlan.LegFormat(Codec.PCMU, 96)));
        assertThat(onward).contains("m=audio 4000 RTP/AVP 8 96 0\r\n").contains("a=rtpmap:96 telephone-event/8000")
                .contains("a=fmtp:96 0-15").contains("a=rtpmap:0 PCMU/8000").doesNotContain(":101")
                .contains("m=video 0 RTP/AVP 31");
    }

    @Test
    void aReofferThatHasTheCodecOrWhoseTypeIsTakenIsLeftAsItIs() throws Exception {
        SessionDescription offer = sdp("0 96 101", "rtpmap:96 opus/48000/2", "rtpmap:101 telephone-event/8000");
        assertThat(text(AudioFormats.keeping(offer, 101, new RelayPlan.LegFormat(Codec.PCMU, 96))))
                .as("96 is opus here: the events stay 101").contains("m=audio 4000 RTP/AVP 0 96 101\r\n")
                .contains("a=rtpmap:101 telephone-event/8000");
        assertThat(text(AudioFormats.keeping(sdp("8"), -1, new RelayPlan.LegFormat(Codec.PCMA, 101))))
                .contains("m=audio 4000 RTP/AVP 8\r\n");
    }

    @Test
    void theOffererIsAnsweredInItsOwnTerms() throws Exception {
        RelayPlan plan = new RelayPlan(new RelayPlan.LegFormat(Codec.PCMA, 101), new RelayPlan.LegFormat(Codec.PCMU, 96));
        SessionDescription answer = sdp("0 96", "rtpmap:0 PCMU/8000", "rtpmap:96 telephone-event/8000",
                "fmtp:96 0-16", "ptime:20");
        String back = text(AudioFormats.answering(answer, plan));
        assertThat(back).contains("m=audio 4000 RTP/AVP 8 101\r\n").contains("a=rtpmap:8 PCMA/8000")
                .contains("a=rtpmap:101 telephone-event/8000").contains("a=fmtp:101 0-16").contains("a=ptime:20")
                .contains("a=sendrecv").doesNotContain("PCMU").doesNotContain(":96");
        RelayPlan noEvents = new RelayPlan(new RelayPlan.LegFormat(Codec.PCMU, -1),
                new RelayPlan.LegFormat(Codec.PCMU, -1));
        assertThat(text(AudioFormats.answering(sdp("0"), noEvents))).contains("m=audio 4000 RTP/AVP 0\r\n")
                .doesNotContain("telephone-event");
    }
}
