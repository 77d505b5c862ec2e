package io.earpiece.sip.stack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderNamesTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void namesEveryFieldInLongLowerCaseFormAndSkipsContinuations() throws Exception {
        List<String> names = HeaderNames.of(b("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n"
                + "Subject: folded\r\n  onto two lines: really\r\ni: x\r\nl: 0\r\nCSeq : 1 OPTIONS\r\n\r\nbody: no"));
        assertThat(names).containsExactly("via", "subject", "call-id", "content-length", "cseq");
    }

    @Test
    void findsRepeatedSingleValuedHeadersWhateverTheirForm() throws Exception {
        // RFC 4475 3.4.2 (mcl01): Content-Length twice; 3.1.2.19 (multi01): Call-ID, CSeq, To and From twice.
        List<String> mcl = HeaderNames.of(b("OPTIONS sip:a SIP/2.0\r\nContent-Length: 13\r\nl: 5\r\n\r\n"));
        assertThat(HeaderNames.repeatedSingleton(mcl)).isEqualTo("Content-Length");
        List<String> multi = HeaderNames.of(b("INVITE sip:a SIP/2.0\r\nCSeq: 5 INVITE\r\nCSeq: 59 INVITE\r\n\r\n"));
        assertThat(HeaderNames.repeatedSingleton(multi)).isEqualTo("CSeq");
        List<String> fine = HeaderNames.of(b("INVITE sip:a SIP/2.0\r\nVia: a\r\nVia: b\r\nContact: x\r\nm: y\r\n\r\n"));
        assertThat(HeaderNames.repeatedSingleton(fine)).isNull();
    }

    @Test
    void findsTheBodyAfterTheEmptyLine() {
        assertThat(HeaderNames.bodyOffset(b("A sip:a SIP/2.0\r\nX: y\r\n\r\nv=0"))).isEqualTo(25);
        assertThat(HeaderNames.bodyOffset(b("A sip:a SIP/2.0\nX: y\n\nv=0"))).isEqualTo(22);
        assertThat(HeaderNames.bodyOffset(b("A sip:a SIP/2.0\r\nX: y\r\n"))).isEqualTo(-1);
    }

    @Test
    void refusesAbsurdLengthsWithAReason() {
        String longName = "X".repeat(200);
        assertThatThrownBy(() -> HeaderNames.of(b("A sip:a SIP/2.0\r\n" + longName + ": 1\r\n\r\n")))
                .isInstanceOf(MalformedSipException.class).hasMessageContaining("header field name");
        byte[] huge = b("A sip:a SIP/2.0\r\nX: " + "y".repeat(HeaderNames.MAX_HEADER_BYTES) + "\r\n\r\n");
        assertThatThrownBy(() -> HeaderNames.of(huge)).isInstanceOf(MalformedSipException.class)
                .hasMessageContaining("header section");
    }

    @Test
    void toleratesEmptyAndHeaderlessInput() throws Exception {
        assertThat(HeaderNames.of(new byte[0])).isEmpty();
        assertThat(HeaderNames.of(b("OPTIONS sip:a SIP/2.0"))).isEmpty();
    }
}
