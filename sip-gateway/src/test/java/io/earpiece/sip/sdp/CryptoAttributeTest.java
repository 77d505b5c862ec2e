package io.earpiece.sip.sdp;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CryptoAttributeTest {

    // RFC 4568 section 10's example key.
    private static final String KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

    @Test
    void parsesTheRfc4568Examples() throws Exception {
        CryptoAttribute a = CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:32");
        assertThat(a.tag()).isEqualTo(1);
        assertThat(a.suite()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
        assertThat(a.keySalt()).isEqualTo(Base64.getDecoder().decode(KEY)).hasSize(30);
        assertThat(a.lifetime()).isEqualTo(1 << 20);
        assertThat(a.mki()).isTrue();
        assertThat(a.usableSuite()).as("Earpiece does not do MKIs").isEmpty();

        CryptoAttribute plain = CryptoAttribute.parse("2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY);
        assertThat(plain.usableSuite()).contains(CryptoSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(plain.format()).isEqualTo("2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY);
        assertThat(CryptoAttribute.parse(plain.format())).isEqualTo(plain);
    }

    @Test
    void marksLinesEarpieceCannotHonourUnusable() throws Exception {
        assertThat(CryptoAttribute.parse("1 F8_128_HMAC_SHA1_80 inline:" + KEY).usableSuite()).isEmpty();
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " KDR=1").usableSuite())
                .isEmpty();
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + ";inline:" + KEY)
                .usableSuite()).isEmpty();
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^10").usableSuite())
                .as("a key that would expire within the call").isEmpty();
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:AAAA").usableSuite())
                .as("a key of the wrong length").isEmpty();
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " WSH=64").usableSuite())
                .contains(CryptoSuite.AES_CM_128_HMAC_SHA1_80);
    }

    @Test
    void refusesMalformedValuesWithTheReason() {
        assertRefused("", "empty");
        assertRefused("1 AES_CM_128_HMAC_SHA1_80", "needs a tag");
        assertRefused("x AES_CM_128_HMAC_SHA1_80 inline:" + KEY, "tag");
        assertRefused("0 AES_CM_128_HMAC_SHA1_80 inline:" + KEY, "tag 0");
        assertRefused("1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + KEY, "tag");
        assertRefused("1 AES_CM_128_HMAC_SHA1_80 uri:http://x", "not inline");
        assertRefused("1 AES_CM_128_HMAC_SHA1_80 inline:%%%%", "base64");
        assertRefused("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^x", "lifetime");
        assertRefused("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:x", "MKI");
        assertRefused("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|a|b|c", "too many");
        assertRefused("1 AES inline:" + KEY + ";".repeat(1100), "exceeds");
    }

    @Test
    void neverLogsTheKey() throws Exception {
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY).toString()).doesNotContain(KEY);
    }

    private static void assertRefused(String value, String reason) {
        assertThatThrownBy(() -> CryptoAttribute.parse(value)).isInstanceOf(SdesParseException.class)
                .hasMessageContaining(reason);
    }
}
