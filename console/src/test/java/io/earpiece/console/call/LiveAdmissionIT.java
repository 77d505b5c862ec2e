package io.earpiece.console.call;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admission control with real SIP legs: with room for one live call, a second call that arrives meanwhile is
 * answered and recorded but not transcribed live; health reads DEGRADED while it waits, and after its hang-up it is
 * transcribed from its recordings, analysed and summarised like any call.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47000", "earpiece.rtp.port-max=47499",
        "earpiece.rtp.media-timeout=10s", "earpiece.live.capacity=1",
        "earpiece.data-dir=target/it-data/live-admission", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:liveadmission;DB_CLOSE_DELAY=-1"})
@Import(ReplayRecognizerConfig.class)
class LiveAdmissionIT {

    static SynthCall call;

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @LocalServerPort
    int httpPort;


    @BeforeAll
    static void fixtures() throws Exception {
        call = SynthCall.generate("chorus-comparison");
    }

    @Test
    void aCallBeyondCapacityIsRecordedThenTranscribedAfterItsHangUp() throws Exception {
        recognizer.use(call.reference());
        ReferenceTranscript ref = call.reference();
        String conv = "adm-" + UUID.randomUUID();
        WebTestClient http = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));

        try (SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", gateway.port(), 2)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> mine(http, conv).size() == 2);
            assertThat(mine(http, conv)).extracting(CallViews.CallSummary::transcription)
                    .containsExactlyInAnyOrder("LIVE", "DEFERRED");
            assertThat(health(http)).contains("\"status\":\"DEGRADED\"")
                    .contains("\"capacity\":1").contains("\"capacityReason\":\"earpiece.live.capacity=1");
            assertThat(http.get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult()
                    .getResponseBody()).contains("earpiece_live_capacity 1.0").contains("earpiece_calls_deferred 1.0");
            legs.awaitSuccess(Duration.ofSeconds((long) ref.duration_s() + 60));
        }

        CallViews.CallSummary deferred = await().atMost(Duration.ofMinutes(2)).until(
                () -> mine(http, conv).stream().filter(c -> !c.transcription().equals("LIVE")).findFirst().orElseThrow(),
                c -> c.status().equals("ENDED") && !c.transcription().equals("DEFERRED"));
        assertThat(deferred.transcription()).isEqualTo("AFTER_CALL");
        CallViews.CallDetail detail = http.get().uri("/api/calls/" + deferred.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
        for (String party : List.of("rep", "customer")) {
            LiveSegments.assertCover(party, detail.segments().stream().filter(s -> s.party().equals(party)).toList(),
                    ref.of(party), 300.0);
        }
        assertThat(detail.insights()).as("the deferred call is analysed").isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/api/calls/" + deferred.id() + "/summary").exchange().expectStatus().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> health(http).contains("\"status\":\"UP\""));

        CallViews.CallSummary live = mine(http, conv).stream().filter(c -> c.transcription().equals("LIVE"))
                .findFirst().orElseThrow();
        assertThat(live.segments()).as("the admitted call was transcribed live").isGreaterThanOrEqualTo(
                ref.utterances().size());
    }

    private static List<CallViews.CallSummary> mine(WebTestClient http, String conv) {
        return http.get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody().stream().filter(c -> c.conversationId().startsWith(conv)).toList();
    }

    private static String health(WebTestClient http) {
        return http.get().uri("/actuator/health").exchange().expectBody(String.class).returnResult().getResponseBody();
    }
}
