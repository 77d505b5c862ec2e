package io.earpiece.sip.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorization values come from anyone who sends a REGISTER or INVITE, challenges from any trunk: both parse
 * or throw {@link DigestParseException}, nothing else. Seeds in {@code DigestHeaderFuzzTestInputs}.
 */
class DigestHeaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void credentials(byte[] header) {
        String value = new String(header, StandardCharsets.ISO_8859_1);
        try {
            DigestCredentials credentials = DigestCredentials.parse(value);
            // What was accepted can be written back and read again to the same credentials.
            assertThat(DigestCredentials.parse(credentials.toHeaderValue())).isEqualTo(credentials);
        } catch (DigestParseException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void challenge(byte[] header) {
        String value = new String(header, StandardCharsets.ISO_8859_1);
        try {
            DigestChallenge challenge = DigestChallenge.parse(value);
            assertThat(DigestChallenge.parse(challenge.toHeaderValue())).isEqualTo(challenge);
        } catch (DigestParseException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
