package io.earpiece.media.dtmf;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4733 payloads from the network parse or throw {@link TelephoneEventParseException}, nothing else. */
class TelephoneEventParserFuzzTest {

    private final TelephoneEventParser parser = new TelephoneEventParser();

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] payload) {
        try {
            TelephoneEvent event = parser.parse(payload);
            assertThat(event.volume()).isBetween(0, 63);
            assertThat(event.duration()).isBetween(0, 0xFFFF);
            event.digit();
        } catch (TelephoneEventParseException refused) {
            assertThat(payload.length).isLessThan(4);
        }
    }
}
