package io.earpiece.sip.siprec;

import io.earpiece.sip.sdp.CryptoSuite;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.SdesNegotiator;
import io.earpiece.sip.sdp.SdesSession;
import io.earpiece.sip.sdp.SdpFormatter;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SessionDescription;
import io.earpiece.sip.sdp.SrtpPolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SRTP on recorded streams: each m-line keyed on its own with SDES, Earpiece's key in the answer, policies kept. */
class SrtpRecordingTest {
    private static final String KEY1 = key(1);
    private static final String KEY2 = key(2);

    private static String key(int seed) {
        byte[] k = new byte[30];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(k);
    }

    private static String body(String first, String second) {
        String sdp = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + first + "a=label:1\r\na=sendonly\r\n" + second + "a=label:2\r\na=sendonly\r\n";
        String xml = "<recording xmlns='urn:ietf:params:xml:ns:recording:1'><session session_id='s'/>"
                + "<participant participant_id='a'><nameID aor='sip:caller@carrier'/><send>x</send></participant>"
                + "<participant participant_id='b'><nameID aor='sip:2001@pbx'/><send>y</send></participant>"
                + "<stream stream_id='x'><label>1</label></stream><stream stream_id='y'><label>2</label></stream>"
                + "</recording>";
        return "--b\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--b\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n" + xml
                + "\r\n--b--\r\n";
    }

    private static RecordingOffer read(RecordingOfferReader reader, String body) throws RecordingRejection {
        return reader.read("multipart/mixed;boundary=b", body.getBytes(StandardCharsets.UTF_8), Map.of()).orElseThrow();
    }

    private static final String SAVP1 = "m=audio 4000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY1
            + "\r\n";
    private static final String SAVP2 = "m=audio 4002 RTP/SAVP 0\r\na=crypto:5 AES_CM_128_HMAC_SHA1_32 inline:" + KEY2
            + "\r\na=crypto:6 AES_CM_128_HMAC_SHA1_80 inline:" + KEY1 + "\r\n";
    private static final String AVP2 = "m=audio 4002 RTP/AVP 0\r\n";

    private final RecordingOfferReader optional = new RecordingOfferReader();

    @Test
    void eachSrtpStreamGetsItsOwnKeysAndTheAnswerCarriesEarpiecesCryptoLine() throws Exception {
        RecordingOffer offer = read(optional, body(SAVP1, SAVP2));
        SdesSession one = offer.stream("1").orElseThrow().negotiation().srtp();
        SdesSession two = offer.stream("2").orElseThrow().negotiation().srtp();
        assertThat(one.suite()).isEqualTo(CryptoSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(one.remoteKeySalt()).isEqualTo(Base64.getDecoder().decode(KEY1));
        assertThat(two.suite()).as("the first usable line of stream 2").isEqualTo(CryptoSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(two.tag()).isEqualTo(5);
        assertThat(one.localKeySalt()).as("a key per stream").isNotEqualTo(two.localKeySalt());

        SessionDescription answer = new SdpParser().parse(new SdpFormatter().format(new RecordingAnswerBuilder("e")
                .answer(offer, Map.of("1", 5000, "2", 5002), "127.0.0.1", 1, 1)).getBytes(StandardCharsets.US_ASCII));
        MediaDescription a1 = answer.media().get(0);
        MediaDescription a2 = answer.media().get(1);
        assertThat(a1.protocol()).isEqualTo("RTP/SAVP");
        assertThat(a1.attribute("crypto")).contains("1 AES_CM_128_HMAC_SHA1_80 inline:"
                + Base64.getEncoder().encodeToString(one.localKeySalt()));
        assertThat(a2.attribute("crypto")).contains("5 AES_CM_128_HMAC_SHA1_32 inline:"
                + Base64.getEncoder().encodeToString(two.localKeySalt()));
        assertThat(a1.attribute("label")).contains("1");
    }

    @Test
    void anSrtpAndAClearStreamMayBeRecordedTogetherUnlessSrtpIsMandatory() throws Exception {
        RecordingOffer mixed = read(optional, body(SAVP1, AVP2));
        assertThat(mixed.stream("1").orElseThrow().negotiation().srtp()).isNotNull();
        assertThat(mixed.stream("2").orElseThrow().negotiation().srtp()).isNull();

        RecordingOfferReader mandatory = new RecordingOfferReader(new SdesNegotiator(new SecureRandom()),
                SrtpPolicy.MANDATORY);
        RecordingOffer onlyFirst = read(mandatory, body(SAVP1, AVP2));
        assertThat(onlyFirst.recordable()).extracting(OfferedStream::label).containsExactly("1");
        assertThat(onlyFirst.stream("2").orElseThrow().whyNot()).isEqualTo("stream 2: SRTP is mandatory for this leg");
        assertThatThrownBy(() -> read(mandatory, body("m=audio 4000 RTP/AVP 0\r\n", AVP2)))
                .isInstanceOf(RecordingRejection.class)
                .hasMessage("Not Acceptable Here: nothing Earpiece can record (stream 1: SRTP is mandatory for this leg)");
    }

    @Test
    void srtpOffWhereOnlySrtpIsOfferedIs488WithTheReason() {
        RecordingOfferReader off = new RecordingOfferReader(new SdesNegotiator(new SecureRandom()), SrtpPolicy.OFF);
        assertThatThrownBy(() -> read(off, body(SAVP1, SAVP2))).isInstanceOf(RecordingRejection.class)
                .satisfies(e -> assertThat(((RecordingRejection) e).status()).isEqualTo(488))
                .hasMessageContaining("stream 1: SRTP (RTP/SAVP) is off for this leg");
    }

    @Test
    void anSrtpStreamWithoutAUsableKeyIsNotRecorded() throws Exception {
        RecordingOffer offer = read(optional, body("m=audio 4000 RTP/SAVP 0\r\na=crypto:1 F8_128_HMAC_SHA1_80 inline:"
                + KEY1 + "\r\n", AVP2));
        assertThat(offer.recordable()).extracting(OfferedStream::label).containsExactly("2");
        assertThat(offer.stream("1").orElseThrow().whyNot()).startsWith("stream 1: no crypto suite Earpiece supports");
    }

    @Test
    void aReInviteThatKeepsTheClientsKeyKeepsEarpiecesAndANewOneReKeys() throws Exception {
        RecordingOffer first = read(optional, body(SAVP1, SAVP2));
        SdesSession one = first.stream("1").orElseThrow().negotiation().srtp();
        String paused = ("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n" + SAVP1
                + "a=label:1\r\na=inactive\r\n" + SAVP2.replace(KEY2, KEY1) + "a=label:2\r\na=inactive\r\n");
        RecordingOffer again = optional.readSdp(paused.getBytes(StandardCharsets.US_ASCII), first.metadata(),
                Map.of(), Map.of("1", one, "2", first.stream("2").orElseThrow().negotiation().srtp()));
        assertThat(again.stream("1").orElseThrow().negotiation().srtp()).isEqualTo(one);
        SdesSession rekeyed = again.stream("2").orElseThrow().negotiation().srtp();
        assertThat(rekeyed.remoteKeySalt()).isEqualTo(Base64.getDecoder().decode(KEY1));
        assertThat(rekeyed.localKeySalt())
                .isNotEqualTo(first.stream("2").orElseThrow().negotiation().srtp().localKeySalt());
    }
}
