package io.earpiece.console.telephony;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class InviteScopeTest {

    private static final String SESSION = "v=0\no=x 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\n";

    private static int[] read(String sdp) {
        return InviteScope.payloadTypes(sdp.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void takesTheFirstG711TypeAndTheTelephoneEventType() {
        assertThat(read(SESSION + "m=audio 4000 RTP/AVP 18 8 0 96\na=rtpmap:96 telephone-event/8000\n"))
                .containsExactly(8, 96);
        assertThat(read(SESSION + "m=audio 4000 RTP/AVP 97 0\na=rtpmap:97 PCMA/8000\n"))
                .as("a dynamic G.711 type is the relay's static one").containsExactly(8, -1);
    }

    @Test
    void defaultsToPcmuWithoutTelephoneEvents() {
        assertThat(read(SESSION + "m=audio 4000 RTP/AVP 18\n")).containsExactly(0, -1);
        assertThat(read("v=0\nm=audio 4000 RTP/AVP 8\n")).as("no connection: not SDP").containsExactly(0, -1);
        assertThat(InviteScope.payloadTypes(null)).containsExactly(0, -1);
        assertThat(read("garbage")).containsExactly(0, -1);
    }
}
