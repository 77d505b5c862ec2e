package io.earpiece.sip.siprec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartParserTest {
    private final MultipartParser parser = new MultipartParser();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final String TWO_PARTS = "--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n"
            + "--b1\r\nContent-Disposition: recording-session\r\nContent-Type: application/rs-metadata+xml\r\n\r\n"
            + "<recording/>\r\n--b1--\r\n";

    @Test
    void readsBoundaryQuotedUnquotedAndSpaced() throws Exception {
        for (String ct : List.of("multipart/mixed;boundary=b1", "multipart/mixed; boundary=b1",
                "multipart/mixed;boundary=\"b1\"", "Multipart/Mixed ; BOUNDARY = b1")) {
            List<BodyPart> parts = parser.parse(ct, b(TWO_PARTS));
            assertThat(parts).as(ct).hasSize(2);
            assertThat(parts.get(0).mediaType()).isEqualTo("application/sdp");
            assertThat(parts.get(0).text()).isEqualTo("v=0\r\n");
            assertThat(parts.get(1).disposition()).isEqualTo("recording-session");
            assertThat(parts.get(1).text()).isEqualTo("<recording/>");
        }
    }

    @Test
    void toleratesPreambleMissingClosingDelimiterAndTrailingSpace() throws Exception {
        String noClose = "\r\n--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--b1\r\n"
                + "Content-Type: application/gtd\r\n\r\nIAM,\r\n";
        List<BodyPart> parts = parser.parse("multipart/mixed;boundary=b1", b(noClose));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).text()).isEqualTo("IAM,\r\n");
        assertThat(parser.parse("multipart/mixed;boundary=b1", b(TWO_PARTS.replace("--b1--\r\n", "--b1-- "))))
                .hasSize(2);
        assertThat(parser.parse("multipart/mixed;boundary=b1", b(TWO_PARTS.replace("--b1--\r\n", "--b1--"))))
                .hasSize(2);
        assertThat(parser.parse("multipart/mixed;boundary=b1", b(TWO_PARTS.replace("\r\n", "\n")))).hasSize(2);
    }

    @Test
    void aBoundaryInsideContentIsNotADelimiter() throws Exception {
        String body = "--b1\r\nContent-Type: text/plain\r\n\r\nsee --b1 here\r\n--b1--\r\n";
        assertThat(parser.parse("multipart/mixed;boundary=b1", b(body)).get(0).text()).isEqualTo("see --b1 here");
    }

    @Test
    void refusesWhatIsNotMultipartWithTheReason() {
        assertThatThrownBy(() -> parser.parse("application/sdp", b("v=0"))).isInstanceOf(MultipartParseException.class)
                .hasMessage("not a multipart body");
        assertThatThrownBy(() -> parser.parse("multipart/mixed", b(TWO_PARTS)))
                .hasMessage("multipart Content-Type without a boundary");
        assertThatThrownBy(() -> parser.parse("multipart/mixed;boundary=\"\"", b(TWO_PARTS))).hasMessage("empty boundary");
        assertThatThrownBy(() -> parser.parse("multipart/mixed;boundary=zz", b(TWO_PARTS)))
                .hasMessage("boundary zz not found in the body");
        assertThatThrownBy(() -> parser.parse("multipart/mixed;boundary=b1", new byte[0]))
                .hasMessage("empty multipart body");
        assertThatThrownBy(() -> parser.parse("multipart/mixed;boundary=b1", new byte[MultipartParser.MAX_BYTES + 1]))
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> parser.parse("multipart/mixed;boundary=b1", b("--b1\r\nno colon here\r\n\r\nx")))
                .hasMessage("body part 1 has a header line without a colon");
        assertThatThrownBy(() -> parser.parse("multipart/mixed;boundary=b1", b("--b1\r\n\r\nx\r\n".repeat(20))))
                .hasMessageContaining("more than 16 body parts");
    }

    @Test
    void garbageOnlyEverThrowsTheTypedException() {
        Random random = new Random(7);
        byte[] seed = b(TWO_PARTS);
        for (int i = 0; i < 5000; i++) {
            byte[] mutated = seed.clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            int cut = random.nextInt(mutated.length + 1);
            byte[] input = java.util.Arrays.copyOf(mutated, cut);
            try {
                parser.parse("multipart/mixed;boundary=b1", input);
            } catch (MultipartParseException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
