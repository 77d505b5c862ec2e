package io.earpiece.sip.b2bua;

import io.earpiece.sip.sdp.CryptoAttribute;
import io.earpiece.sip.sdp.CryptoSuite;
import io.earpiece.sip.sdp.SdesNegotiator;
import io.earpiece.sip.sdp.SdesSession;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SrtpPolicy;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each B2BUA leg's SRTP on its own: the trunk's keys never reach the desk phone and the reverse. */
class SrtpLegTest {

    private static final String TRUNK_KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";
    private final SdesNegotiator sdes = new SdesNegotiator(new SecureRandom());
    private final SdpAnchor anchor = new SdpAnchor();

    @Test
    void srtpTrunkToAClearDeskPhoneKeepsTheKeysOnTheirOwnLeg() throws Exception {
        SrtpLeg trunk = new SrtpLeg(SrtpPolicy.MANDATORY, sdes);
        SrtpLeg desk = new SrtpLeg(SrtpPolicy.OFF, sdes);
        SdpAnchor.Audio offer = anchor.read(sdp("RTP/SAVP", "a=crypto:3 AES_CM_128_HMAC_SHA1_32 inline:" + TRUNK_KEY));
        trunk.offered(offer.media());
        SdesSession trunkKeys = trunk.commit();
        assertThat(trunkKeys.suite()).isEqualTo(CryptoSuite.AES_CM_128_HMAC_SHA1_32);

        String toDesk = anchor.anchor(offer.sdp(), new InetSocketAddress("127.0.0.1", 40002), 1, 1, desk.offer());
        assertThat(toDesk).contains("m=audio 40002 RTP/AVP 0").doesNotContain("crypto").doesNotContain(TRUNK_KEY);

        SdpAnchor.Audio deskAnswer = anchor.read(sdp("RTP/AVP"));
        assertThat(desk.answered(deskAnswer.media())).isNull();
        String toTrunk = anchor.anchor(deskAnswer.sdp(), new InetSocketAddress("127.0.0.1", 40000), 1, 1,
                trunk.answer());
        assertThat(toTrunk).contains("m=audio 40000 RTP/SAVP 0").contains("a=crypto:3 AES_CM_128_HMAC_SHA1_32 inline:"
                + Base64.getEncoder().encodeToString(trunkKeys.localKeySalt()));
    }

    @Test
    void clearTrunkToAnSrtpDeskPhoneOffersEarpiecesOwnKey() throws Exception {
        SrtpLeg trunk = new SrtpLeg(SrtpPolicy.OPTIONAL, sdes);
        SrtpLeg desk = new SrtpLeg(SrtpPolicy.MANDATORY, sdes);
        SdpAnchor.Audio offer = anchor.read(sdp("RTP/AVP"));
        trunk.offered(offer.media());
        assertThat(trunk.commit()).isNull();
        String toDesk = anchor.anchor(offer.sdp(), new InetSocketAddress("127.0.0.1", 40002), 1, 1, desk.offer());
        assertThat(toDesk).contains("RTP/SAVP").contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:");
        CryptoAttribute ours = CryptoAttribute.parse(toDesk.lines().filter(l -> l.startsWith("a=crypto:"))
                .findFirst().orElseThrow().substring("a=crypto:".length()));

        String deskKey = Base64.getEncoder().encodeToString(new byte[30]);
        SdesSession keys = desk.answered(anchor.read(sdp("RTP/SAVP",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + deskKey)).media());
        assertThat(keys.remoteKeySalt()).isEqualTo(new byte[30]);
        assertThat(keys.localKeySalt()).isEqualTo(ours.keySalt());
        // A re-offer (hold, say) repeats Earpiece's key: nothing is re-keyed.
        assertThat(desk.offer().lines().get(0).value()).isEqualTo(ours.format());
    }

    @Test
    void aMandatoryLegRefusesAnAnswerWithoutAKey() throws Exception {
        SrtpLeg desk = new SrtpLeg(SrtpPolicy.MANDATORY, sdes);
        desk.offer();
        assertThatThrownBy(() -> desk.answered(anchor.read(sdp("RTP/AVP")).media()))
                .isInstanceOf(SdpNotAcceptableException.class);
        SrtpLeg optional = new SrtpLeg(SrtpPolicy.OPTIONAL, sdes);
        assertThat(optional.offer().profile()).as("best effort").isEqualTo("RTP/AVP");
        assertThat(optional.answered(anchor.read(sdp("RTP/AVP")).media())).isNull();
    }

    private static byte[] sdp(String profile, String... attributes) throws Exception {
        StringBuilder b = new StringBuilder("v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=-\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n")
                .append("m=audio 7000 ").append(profile).append(" 0\r\n");
        for (String a : attributes) {
            b.append(a).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
