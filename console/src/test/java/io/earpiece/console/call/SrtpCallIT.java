package io.earpiece.console.call;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.AudioMath;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SrtpPhone;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.media.MediaCounters;
import io.earpiece.media.MediaServer;
import io.earpiece.media.srtp.SrtpSuite;
import io.earpiece.sip.SipGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bot legs with SRTP end to end: two phones that encrypt their media (SDES keys in RTP/SAVP offers) place a forked
 * call; Earpiece answers each with a key of its own, decrypts before the jitter buffer, and records and transcribes
 * both parties. Packets under a wrong key and replayed packets arrive mid-call: dropped and counted, the call goes on.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=46700", "earpiece.rtp.port-max=46799",
        "earpiece.rtp.media-timeout=10s", "earpiece.sip.bot.srtp=optional",
        "earpiece.data-dir=target/it-data/srtp-call", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:srtpcall;DB_CLOSE_DELAY=-1"})
@Import(ReplayRecognizerConfig.class)
class SrtpCallIT {

    static SynthCall call;

    @Autowired
    SipGateway gateway;
    @Autowired
    MediaServer media;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @LocalServerPort
    int httpPort;


    @BeforeAll
    static void fixtures() throws Exception {
        call = SynthCall.generate("budget-freeze");
    }

    String token;

    WebTestClient http() {
        if (token == null) {
            token = TestAuth.adminToken(httpPort);
        }
        return TestAuth.as(httpPort, token);
    }

    List<CallViews.CallSummary> calls() {
        return http().get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void encryptedPartiesAreTranscribedAndWrongKeysAndReplaysAreDroppedAndCounted() throws Exception {
        recognizer.use(call.reference());
        ReferenceTranscript ref = call.reference();
        String conv = "srtp-" + UUID.randomUUID();
        MediaCounters before = media.counters();
        Map<String, SrtpSuite> suites = Map.of("rep", SrtpSuite.AES_CM_128_HMAC_SHA1_80,
                "customer", SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        try (SrtpPhone rep = new SrtpPhone(gateway.port(), suites.get("rep"));
             SrtpPhone customer = new SrtpPhone(gateway.port(), suites.get("customer"))) {
            assertThat(rep.call(conv, "rep", "RTP/SAVP")).isEqualTo(200);
            assertThat(customer.call(conv, "customer", "RTP/SAVP")).isEqualTo(200);
            for (SrtpPhone phone : List.of(rep, customer)) {
                assertThat(phone.answerProfile()).isEqualTo("RTP/SAVP");
                assertThat(phone.answeredCrypto()).isNotNull();
                assertThat(phone.answeredCrypto().tag()).isEqualTo(1);
            }
            assertThat(rep.answeredCrypto().suite()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
            assertThat(customer.answeredCrypto().suite()).isEqualTo("AES_CM_128_HMAC_SHA1_32");
            assertThat(rep.answeredCrypto().keySalt()).as("Earpiece's own key").hasSize(30)
                    .isNotEqualTo(customer.answeredCrypto().keySalt());

            List<byte[]> repAudio = SrtpPhone.rtpPackets(call.pcap("rep"));
            int half = repAudio.size() / 2;
            CompletableFuture<Void> customerPlays = CompletableFuture.runAsync(() -> {
                try {
                    customer.play(call.pcap("customer"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            rep.play(repAudio.subList(0, half));
            rep.sendUnderWrongKey(30);
            rep.replay(30);
            rep.play(repAudio.subList(half, repAudio.size()));
            customerPlays.join();
            assertThat(rep.hangUp()).isEqualTo(200);
            assertThat(customer.hangUp()).isEqualTo(200);
        }

        CallViews.CallSummary ended = await().atMost(Duration.ofSeconds(30)).until(
                () -> calls().stream().filter(c -> c.conversationId().startsWith(conv)).findFirst().orElseThrow(),
                c -> c.status().equals("ENDED"));
        CallViews.CallDetail detail = http().get().uri("/api/calls/" + ended.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        for (CallViews.PartyView p : detail.parties()) {
            assertThat(p.packetsReceived()).as("decrypted packets of %s", p.party())
                    .isEqualTo(AudioMath.pcapPackets(call.pcap(p.party())));
            assertThat(p.packetsLost()).isZero();
            byte[] wav = http().get().uri(p.recordingUrl()).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult().getResponseBody();
            Path file = Path.of("target/it-data/srtp-" + ended.id() + "-" + p.party() + ".wav");
            Files.createDirectories(file.getParent());
            Files.write(file, wav);
            assertThat(AudioMath.maxNormalisedCorrelation(AudioMath.readWav(file), AudioMath.readWav(call.wav(p.party())),
                    1600)).as("%s's recording against its source", p.party()).isGreaterThanOrEqualTo(0.9);
            LiveSegments.assertCover(p.party(), detail.segments().stream().filter(s -> s.party().equals(p.party()))
                    .toList(), ref.of(p.party()), 300.0);
        }
        CallViews.PartyView repView = detail.parties().stream().filter(p -> p.party().equals("rep")).findFirst()
                .orElseThrow();
        assertThat(repView.packetsDropped()).as("wrong key and replays, counted on the leg").isEqualTo(60);

        MediaCounters after = media.counters();
        assertThat(after.droppedSrtpAuthFailed() - before.droppedSrtpAuthFailed()).isEqualTo(30);
        assertThat(after.droppedSrtpReplayed() - before.droppedSrtpReplayed()).isEqualTo(30);
        String metrics = http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("reason=\"srtp_auth_failed\"", "reason=\"srtp_replayed\"");
    }

    @Test
    void aClearOfferStillGetsClearRtpUnderTheOptionalPolicy() throws Exception {
        try (SrtpPhone phone = new SrtpPhone(gateway.port(), SrtpSuite.AES_CM_128_HMAC_SHA1_80)) {
            assertThat(phone.call("clear-" + UUID.randomUUID(), "rep", "RTP/AVP")).isEqualTo(200);
            assertThat(phone.answerProfile()).isEqualTo("RTP/AVP");
            assertThat(phone.answeredCrypto()).isNull();
            assertThat(phone.hangUp()).isEqualTo(200);
        }
    }
}
