package io.earpiece.sip.stack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StartLineTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void classifiesResponsesAndRequests() {
        byte[] ok = b("SIP/2.0 200 OK\r\n");
        assertThat(StartLine.status(ok, 0, ok.length)).isEqualTo(200);
        assertThat(StartLine.method(ok, 0, ok.length)).isNull();
        byte[] invite = b("INVITE sip:a@b SIP/2.0\r\n");
        assertThat(StartLine.status(invite, 0, invite.length)).isEqualTo(-1);
        assertThat(StartLine.method(invite, 0, invite.length)).isEqualTo("INVITE");
        assertThat(StartLine.requestVersion(invite)).isEqualTo("SIP/2.0");
        assertThat(StartLine.requestVersion(b("OPTIONS sip:a SIP/3.0\r\n"))).isEqualTo("SIP/3.0");
    }

    @Test
    void readsTheVersionPastTrailingWhiteSpace() {
        // RFC 4475 3.1.2.10 (trws): a liberal reading is allowed, and the version is still SIP/2.0.
        assertThat(StartLine.requestVersion(b("OPTIONS sip:a@b SIP/2.0  \r\n"))).isEqualTo("SIP/2.0");
        assertThat(StartLine.requestVersion(b("OPTIONS sip:a@b SIP/2.0\t\r\n"))).isEqualTo("SIP/2.0");
    }

    @Test
    void rejectsGarbageAndTruncatedInput() {
        byte[] junk = {(byte) 0xff, 'A', ' ', 0};
        assertThat(StartLine.method(junk, 0, junk.length)).isNull();
        assertThat(StartLine.status(b("SIP/2.0 2"), 0, 9)).isEqualTo(-1);
        assertThat(StartLine.method(b("ABCDEFGHIJKLMNOPQRSTUVWXYZ x"), 0, 28)).isNull();
        assertThat(StartLine.requestVersion(b("no line end"))).isEmpty();
        assertThat(StartLine.method(b(" INVITE"), 0, 7)).isNull();
    }
}
