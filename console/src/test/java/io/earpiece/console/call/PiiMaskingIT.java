package io.earpiece.console.call;

import io.earpiece.console.api.CallViews;
import io.earpiece.console.events.CallEventBus;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.Party;
import io.earpiece.stt.SpeechToText;
import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.TranscriptionSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data spoken in a call is masked before it is stored or pushed: the raw e-mail address and phone
 * number never reach the database rows nor the WebSocket, while the rest of the sentence does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47000", "earpiece.rtp.port-max=47099",
        "earpiece.data-dir=target/it-data/pii", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:pii;DB_CLOSE_DELAY=-1"})
class PiiMaskingIT {

    static final String EMAIL = "jordan.ellis@contoso-mail.com";
    static final String SPOKEN_PHONE = "three one two, five five five, zero one nine eight";
    static final String SENTENCE = "You can write to " + EMAIL + " or ring me on " + SPOKEN_PHONE + " after lunch.";

    @Autowired
    CallCoordinator coordinator;
    @Autowired
    TranscriptSegmentRepository segments;
    @Autowired
    CallEventBus bus;
    @LocalServerPort
    int httpPort;

    /** Emits one scripted final segment when the leg's stream closes, as a recognizer would at end of speech. */
    @TestConfiguration
    static class Scripted {
        @Bean
        @Primary
        SpeechToText scriptedSpeech() {
            return (callId, party, listener) -> new TranscriptionSession() {
                @Override
                public void accept(long mediaTimeMs, short[] samples) {
                }

                @Override
                public void close() {
                    listener.onSegment(new TranscriptSegment(callId, party, 0, 1000, 6000, SENTENCE, false));
                    listener.onSegment(new TranscriptSegment(callId, party, 0, 1000, 6500, SENTENCE, true));
                }
            };
        }
    }

    @Test
    void rawPersonalDataNeverReachesTheDatabaseOrTheSocket() throws Exception {
        String token = TestAuth.adminToken(httpPort);
        WebTestClient http = TestAuth.as(httpPort, token);
        coordinator.open(new LegOffer("leg-pii", "sip:dialer@127.0.0.1", "sip:assistant@127.0.0.1", "conv-pii",
                Party.CUSTOMER, new InetSocketAddress("127.0.0.1", 9), Codec.PCMU, 101));
        String callId = http.get().uri("/api/calls").exchange()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                .returnResult().getResponseBody().stream()
                .filter(c -> c.conversationId().equals("conv-pii")).findFirst().orElseThrow().id();

        List<String> pushed = new CopyOnWriteArrayList<>();
        Disposable socket = new ReactorNettyWebSocketClient().execute(
                TestAuth.webSocket(httpPort, "/ws/events?call=" + callId, token),
                s -> s.receive().doOnNext(m -> pushed.add(m.getPayloadAsText())).then()).subscribe();
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.subscribers() > 0);
        coordinator.ended("leg-pii", EndReason.REMOTE_BYE);

        await().atMost(Duration.ofSeconds(20)).until(() -> segments.findByCallIdOrderByStartMsAscIdAsc(callId).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pushed.stream().anyMatch(m -> m.contains("\"type\":\"segment\"")));
        socket.dispose();

        TranscriptSegmentEntity stored = segments.findByCallIdOrderByStartMsAscIdAsc(callId).get(0);
        assertThat(stored.getText()).contains("You can write to", "after lunch")
                .doesNotContain(EMAIL, "contoso-mail", SPOKEN_PHONE, "zero one nine eight");
        assertThat(pushed).isNotEmpty().allSatisfy(m -> assertThat(m)
                .doesNotContain(EMAIL, "contoso-mail", SPOKEN_PHONE, "zero one nine eight"));
        assertThat(pushed).anySatisfy(m -> assertThat(m).contains("\"type\":\"partial\""));
        assertThat(pushed).anySatisfy(m -> assertThat(m).contains("pii:email"));
    }
}
