package io.earpiece.sip.testing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SippMessageTraceTest {

    // as sipp 3.6 writes it: a line of dashes with the local time, the direction, a blank line, the CRLF message
    private static final String TRACE = String.join("\n",
            "----------------------------------------------- 2026-12-07 03:04:23.114105",
            "UDP message sent (506 bytes):",
            "",
            "INVITE sip:assistant@127.0.0.1:5060 SIP/2.0\r",
            "Call-ID: 1-7322@127.0.0.1\r",
            "X-Earpiece-Conversation: bench-1\r",
            "\r",
            "",
            "----------------------------------------------- 2026-12-07 03:04:23.120001",
            "UDP message received [320] bytes :",
            "",
            "SIP/2.0 200 OK\r",
            "Call-ID: 1-7322@127.0.0.1\r",
            "",
            "----------------------------------------------- 2026-12-07 03:04:23.120400",
            "UDP message sent (300 bytes):",
            "",
            "ACK sip:assistant@127.0.0.1:5060 SIP/2.0\r",
            "call-id: 1-7322@127.0.0.1\r",
            "");

    @Test
    void readsEachMessageWithItsTimeDirectionAndHeaders() {
        List<SippMessageTrace.Message> messages = SippMessageTrace.parse(TRACE, ZoneOffset.UTC);

        assertThat(messages).extracting(SippMessageTrace.Message::method).containsExactly("INVITE", "SIP/2.0", "ACK");
        assertThat(messages).extracting(SippMessageTrace.Message::sent).containsExactly(true, false, true);
        assertThat(messages.get(0).header("X-Earpiece-Conversation")).isEqualTo("bench-1");
        assertThat(messages.get(2).header("Call-ID")).isEqualTo("1-7322@127.0.0.1");
        assertThat(messages.get(2).at()).isEqualTo(Instant.parse("2026-12-07T03:04:23.120400Z"));
        assertThat(messages.get(1).header("Subject")).isNull();
    }
}
