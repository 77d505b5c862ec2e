package io.earpiece.sip.stack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingBodyLengthTest {
    private static final String BODY = "--b\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--b\r\n"
            + "Content-Disposition: recording-session\r\n\r\n<recording/>\r\n";

    private static String invite(String contentType, String lengths, String body) {
        return "INVITE sip:srs@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                + "Content-Type: " + contentType + "\r\n" + lengths + "\r\n" + body;
    }

    private static String fix(String message) {
        return new String(RecordingBodyLength.corrected(message.getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void aRecordingBodyRunsToTheDatagramsEndWhateverItsLengthSaid() {
        String longer = invite("multipart/mixed;boundary=b", "Content-Length: 9999\r\n", BODY);
        assertThat(fix(longer)).contains("Content-Length: " + BODY.length() + "\r\n").endsWith(BODY);
        String shorter = invite("multipart/mixed;boundary=b", "l: 12\r\n", BODY);
        assertThat(fix(shorter)).contains("l: " + BODY.length() + "\r\n");
    }

    @Test
    void everythingElseKeepsItsLength() {
        String sdp = invite("application/sdp", "Content-Length: 9999\r\n", "v=0\r\n");
        assertThat(fix(sdp)).isEqualTo(sdp);
        String noRecording = invite("multipart/mixed;boundary=b", "Content-Length: 9999\r\n",
                BODY.replace("recording-session", "session"));
        assertThat(fix(noRecording)).isEqualTo(noRecording);
        String twoLengths = invite("multipart/mixed;boundary=b", "Content-Length: 1\r\nContent-Length: 2\r\n", BODY);
        assertThat(fix(twoLengths)).isEqualTo(twoLengths);
    }
}
