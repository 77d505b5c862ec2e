package io.earpiece.sip.stack;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.RequestLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonPhrasesTest {

    @Test
    void namesTheHeaderThatFailedAsWritten() {
        String name = ReasonPhrases.headerName(CSeq.class, "CSeq: 36893488147419103232 REGISTER");
        assertThat(ReasonPhrases.forParseFailure(name, "ignored")).isEqualTo("malformed CSeq header");
        assertThat(ReasonPhrases.forParseFailure(ReasonPhrases.headerName(RequestLine.class, "INVITE <sip:a>"), null))
                .isEqualTo("malformed request line");
        // No usable text: the class still names it.
        assertThat(ReasonPhrases.headerName(CSeq.class, null)).isEqualTo("CSeq");
    }

    @Test
    void neverPassesOnParserInternals() {
        assertThat(ReasonPhrases.forParseFailure(null, "[C@52cafeaf\nID expected")).isEqualTo("malformed message");
        assertThat(ReasonPhrases.forParseFailure(null, "java.lang.NumberFormatException: x"))
                .isEqualTo("malformed message");
        assertThat(ReasonPhrases.forParseFailure(null, "Invalid content length 154 / 9999"))
                .isEqualTo("Invalid content length 154 / 9999");
        assertThat(ReasonPhrases.headerName(null, "Bad\r\nName: x")).isNull();
    }

    @Test
    void printableKeepsOneShortLine() {
        assertThat(ReasonPhrases.printable("SIP/7.0\r\n\u0000")).isEqualTo("SIP/7.0???");
        assertThat(ReasonPhrases.printable("x".repeat(500))).hasSize(ReasonPhrases.MAX_LENGTH);
    }
}
