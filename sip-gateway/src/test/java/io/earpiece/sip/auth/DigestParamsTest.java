package io.earpiece.sip.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestParamsTest {

    @Test
    void parsesQuotedAndBareValuesWithEscapes() throws Exception {
        var p = DigestParams.parse("Digest realm=\"a \\\"b\\\", c\",nonce=\"n1\", algorithm=SHA-256 ,qop=\"auth,auth-int\"");
        assertThat(p).containsEntry("realm", "a \"b\", c").containsEntry("nonce", "n1")
                .containsEntry("algorithm", "SHA-256").containsEntry("qop", "auth,auth-int");
    }

    @Test
    void challengeRoundTripsThroughItsHeaderValue() throws Exception {
        DigestChallenge c = new DigestChallenge("earpiece", "abc", "op", DigestAlgorithm.SHA_256, "auth", true);
        assertThat(DigestChallenge.parse(c.toHeaderValue())).isEqualTo(c);
    }

    @Test
    void credentialsRoundTripThroughTheirHeaderValue() throws Exception {
        DigestCredentials c = new DigestCredentials("alice", "r", "n", "sip:r", "abcd", DigestAlgorithm.MD5, "cn",
                "auth", "00000001", null);
        assertThat(DigestCredentials.parse(c.toHeaderValue())).isEqualTo(c);
    }

    @Test
    void rejectsMalformedValuesWithAReason() {
        assertThatThrownBy(() -> DigestParams.parse("Basic abc")).isInstanceOf(DigestParseException.class)
                .hasMessageContaining("Digest");
        assertThatThrownBy(() -> DigestParams.parse("Digest realm=\"open")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> DigestParams.parse("Digest realm=a, realm=b")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> DigestParams.parse("Digest " + "x".repeat(5000))).hasMessageContaining("longer");
        assertThatThrownBy(() -> DigestCredentials.parse("Digest username=a, realm=b")).hasMessageContaining("lack");
        assertThatThrownBy(() -> DigestChallenge.parse("Digest realm=a, nonce=b, algorithm=SHA-512-256"))
                .hasMessageContaining("unsupported algorithm");
    }
}
