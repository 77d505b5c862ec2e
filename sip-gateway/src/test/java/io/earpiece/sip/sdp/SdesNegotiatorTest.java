package io.earpiece.sip.sdp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdesNegotiatorTest {

    private static final String KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";
    private static final String GCM_KEY = Base64.getEncoder().encodeToString(new byte[28]);

    private final SdesNegotiator sdes = new SdesNegotiator(new SecureRandom());
    private final CodecNegotiator codecs = new CodecNegotiator();

    @Test
    void picksTheFirstSupportedSuiteAndAnswersWithAKeyOfItsOwn() throws Exception {
        SessionDescription offer = offer("RTP/SAVP",
                "a=crypto:1 F8_128_HMAC_SHA1_80 inline:" + KEY,
                "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY,
                "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY);
        Negotiation n = negotiate(offer, SrtpPolicy.OPTIONAL, null);
        assertThat(n.srtp().tag()).isEqualTo(2);
        assertThat(n.srtp().suite()).isEqualTo(CryptoSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(n.srtp().remoteKeySalt()).isEqualTo(Base64.getDecoder().decode(KEY));
        assertThat(n.srtp().localKeySalt()).hasSize(30).isNotEqualTo(n.srtp().remoteKeySalt());

        String answer = new SdpFormatter().format(new AnswerBuilder("earpiece").answer(offer, n, "127.0.0.1", 40000,
                1, 1));
        assertThat(answer).contains("m=audio 40000 RTP/SAVP 0")
                .contains("a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:"
                        + Base64.getEncoder().encodeToString(n.srtp().localKeySalt()))
                .doesNotContain(KEY);
        // Two answers to two offers never share a key.
        assertThat(negotiate(offer, SrtpPolicy.OPTIONAL, null).srtp().localKeySalt())
                .isNotEqualTo(n.srtp().localKeySalt());
    }

    @Test
    void gcmIsNegotiatedWithItsShorterSalt() throws Exception {
        Negotiation n = negotiate(offer("RTP/SAVP", "a=crypto:7 AEAD_AES_128_GCM inline:" + GCM_KEY),
                SrtpPolicy.MANDATORY, null);
        assertThat(n.srtp().suite()).isEqualTo(CryptoSuite.AEAD_AES_128_GCM);
        assertThat(n.srtp().localKeySalt()).hasSize(28);
    }

    @Test
    void policiesDecideWhatAClearOrEncryptedOfferGets() throws Exception {
        SessionDescription clear = offer("RTP/AVP");
        SessionDescription savp = offer("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY);
        SessionDescription bestEffort = offer("RTP/AVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY);

        assertThat(negotiate(clear, SrtpPolicy.OPTIONAL, null).srtp()).isNull();
        assertThat(negotiate(clear, SrtpPolicy.OFF, null).srtp()).isNull();
        assertNotAcceptable(clear, SrtpPolicy.MANDATORY, "mandatory");

        assertNotAcceptable(savp, SrtpPolicy.OFF, "off");
        assertThat(negotiate(savp, SrtpPolicy.MANDATORY, null).srtp()).isNotNull();

        assertThat(negotiate(bestEffort, SrtpPolicy.OFF, null).srtp()).as("declined: answered without crypto")
                .isNull();
        assertThat(negotiate(bestEffort, SrtpPolicy.OPTIONAL, null).srtp()).isNotNull();
        assertThat(negotiate(bestEffort, SrtpPolicy.MANDATORY, null).srtp()).isNotNull();

        assertNotAcceptable(offer("RTP/SAVP", "a=crypto:1 F8_128_HMAC_SHA1_80 inline:" + KEY), SrtpPolicy.OPTIONAL,
                "no crypto suite");
        assertNotAcceptable(offer("RTP/SAVP", "a=crypto:garbage"), SrtpPolicy.OPTIONAL, "well-formed");
    }

    @Test
    void reOfferKeepsOurKeyUntilThePeerReKeys() throws Exception {
        SessionDescription first = offer("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY);
        Negotiation n = negotiate(first, SrtpPolicy.OPTIONAL, null);
        Negotiation same = negotiate(first, SrtpPolicy.OPTIONAL, n.srtp());
        assertThat(same.srtp()).isEqualTo(n.srtp());

        String newKey = Base64.getEncoder().encodeToString(new byte[30]);
        Negotiation rekeyed = negotiate(offer("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + newKey),
                SrtpPolicy.OPTIONAL, n.srtp());
        assertThat(rekeyed.srtp().remoteKeySalt()).isEqualTo(new byte[30]);
        assertThat(rekeyed.srtp().localKeySalt()).isNotEqualTo(n.srtp().localKeySalt());
    }

    private Negotiation negotiate(SessionDescription offer, SrtpPolicy policy, SdesSession current) throws Exception {
        Negotiation n = codecs.negotiate(offer);
        return n.withSrtp(sdes.negotiate(offer.media().get(n.mediaIndex()), policy, current));
    }

    private void assertNotAcceptable(SessionDescription offer, SrtpPolicy policy, String reason) {
        assertThatThrownBy(() -> negotiate(offer, policy, null)).isInstanceOf(SdpNotAcceptableException.class)
                .hasMessageContaining(reason);
    }

    private static SessionDescription offer(String profile, String... attributes) throws Exception {
        StringBuilder b = new StringBuilder("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n")
                .append("m=audio 6000 ").append(profile).append(" 0 101\r\n")
                .append("a=rtpmap:101 telephone-event/8000\r\n");
        for (String a : attributes) {
            b.append(a).append("\r\n");
        }
        return new SdpParser().parse(b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
