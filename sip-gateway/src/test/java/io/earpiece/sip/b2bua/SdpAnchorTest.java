package io.earpiece.sip.b2bua;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdpAnchorTest {
    private final SdpAnchor anchor = new SdpAnchor();

    private static byte[] sdp(String direction) {
        return ("v=0\r\no=x 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n"
                + "a=" + direction + "\r\nm=video 5000 RTP/AVP 96\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void pointsAudioAtTheRelayAndKeepsCodecsEventsAndDirection() throws Exception {
        SdpAnchor.Audio a = anchor.read(sdp("sendonly"));
        assertThat(a.remote()).isEqualTo(new InetSocketAddress("10.0.0.5", 4000));
        String out = anchor.anchor(a.sdp(), new InetSocketAddress("127.0.0.1", 30000), 7, 2);
        assertThat(out).contains("o=earpiece 7 2 IN IP4 127.0.0.1").contains("c=IN IP4 127.0.0.1")
                .contains("m=audio 30000 RTP/AVP 0 8 101").contains("a=rtpmap:101 telephone-event/8000")
                .contains("a=sendonly").contains("m=video 0 ").doesNotContain("10.0.0.5");
    }

    @Test
    void aPeerWantsMediaUnlessItsStreamIsSendonlyInactiveOrAtTheNullAddress() throws Exception {
        assertThat(anchor.read(sdp("sendrecv")).wantsMedia()).isTrue();
        assertThat(anchor.read(sdp("recvonly")).wantsMedia()).isTrue();
        assertThat(anchor.read(sdp("sendonly")).wantsMedia()).isFalse();
        assertThat(anchor.read(sdp("inactive")).wantsMedia()).isFalse();
        byte[] nullHold = new String(sdp("sendrecv"), StandardCharsets.US_ASCII).replace("c=IN IP4 10.0.0.5",
                "c=IN IP4 0.0.0.0").getBytes(StandardCharsets.US_ASCII);
        SdpAnchor.Audio held = anchor.read(nullHold);
        assertThat(held.wantsMedia()).isFalse();
        assertThat(anchor.anchor(held.sdp(), new InetSocketAddress("127.0.0.1", 30000), 7, 3))
                .contains("c=IN IP4 0.0.0.0");
    }

    @Test
    void refusesSdpWithoutAudio() {
        byte[] video = "v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=video 5000 RTP/AVP 96\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> anchor.read(video)).hasMessageContaining("no audio");
    }
}
