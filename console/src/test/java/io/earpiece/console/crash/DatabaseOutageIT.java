package io.earpiece.console.crash;

import io.earpiece.console.api.CallViews;
import io.earpiece.console.call.SegmentStoreRetry;
import io.earpiece.console.testing.LiveSegments;
import io.earpiece.console.testing.OutageDataSource;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.StampedEvents;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away in the middle of a call (every new connection refused) and comes back: meanwhile health
 * reads DOWN and the finals wait in the segment writer, retried; afterwards every utterance of both parties is
 * stored once, and every final the console was told about is among them. When the call ends during the outage, its
 * end and summary are stored when the database returns ({@link CallThroughOutage}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47700", "earpiece.rtp.port-max=47799",
        "earpiece.rtp.media-timeout=30s", "earpiece.data-dir=target/it-data/db-outage",
        "earpiece.segments.store.retry-max=500ms", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:dboutage;DB_CLOSE_DELAY=-1"})
class DatabaseOutageIT {

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @Autowired
    DataSource dataSource;
    @Autowired
    SegmentStoreRetry retry;
    @LocalServerPort
    int httpPort;

    @TestConfiguration
    static class Outage {
        @Bean
        ReplaySpeechRecognizer replaySpeechRecognizer() {
            return new ReplaySpeechRecognizer();
        }

        @Bean
        static BeanPostProcessor outageSwitch() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && name.equals("dataSource") ? new OutageDataSource(ds) : bean;
                }
            };
        }
    }

    @Test
    void finalsSpokenWhileTheDatabaseIsDownAreStoredWhenItReturns() throws Exception {
        SynthCall call = SynthCall.generate("chorus-comparison");
        ReferenceTranscript ref = call.reference();
        recognizer.use(ref);
        OutageDataSource outage = (OutageDataSource) dataSource;
        String token = TestAuth.adminToken(httpPort);
        WebTestClient http = TestAuth.as(httpPort, token);
        String conversation = "outage-" + UUID.randomUUID();
        long retriesBefore = retry.retries();

        try (StampedEvents events = StampedEvents.connect(httpPort, token);
             SipLegs legs = SipLegs.start(call, conversation, "127.0.0.1", gateway.port(), 1)) {
            String callId = CallThroughOutage.callIdOf(http, conversation);
            await().atMost(Duration.ofSeconds(60)).until(() -> finals(events, callId).size() >= 1);
            outage.down();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> health().contains("\"DOWN\""));
                // At least one final met the outage and is being retried; the call goes on meanwhile.
                await().atMost(Duration.ofSeconds(60)).until(() -> retry.retries() > retriesBefore);
                int announcedWhileDown = finals(events, callId).size();
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> finals(events, callId).size() == announcedWhileDown);
            } finally {
                outage.up();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !health().contains("\"DOWN\""));
            legs.awaitSuccess(Duration.ofSeconds((long) ref.duration_s() + 60));

            CallViews.CallSummary mine = await().atMost(Duration.ofSeconds(60)).until(() -> http.get()
                    .uri("/api/calls?size=100").exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { }).returnResult()
                    .getResponseBody().stream().filter(c -> c.conversationId().startsWith(conversation))
                    .findFirst().orElse(null), c -> c != null && c.status().equals("ENDED")
                    && c.segments() >= ref.utterances().size());
            CallViews.CallDetail detail = http.get().uri("/api/calls/" + mine.id()).exchange().expectStatus().isOk()
                    .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();
            for (String party : List.of("rep", "customer")) {
                LiveSegments.assertCover(party, detail.segments().stream().filter(s -> s.party().equals(party))
                        .toList(), ref.of(party), 300.0);
            }
            assertThat(detail.segments()).extracting(s -> s.party() + "#" + s.index()).doesNotHaveDuplicates();
            Set<String> stored = detail.segments().stream().map(s -> s.party() + "#" + s.index() + ":" + s.text())
                    .collect(Collectors.toSet());
            assertThat(stored).containsAll(finals(events, callId));
        }
    }

    /** The end of the call, its legs' ends and its summary are retried like finals, not left ACTIVE. */
    @Test
    void aCallThatEndsWhileTheDatabaseIsDownIsStoredAsEnded() throws Exception {
        OutageDataSource outage = (OutageDataSource) dataSource;
        new CallThroughOutage(httpPort, gateway.port(), recognizer, retry)
                .callEndsWhileTheDatabaseIsDown(new CallThroughOutage.Database() {
                    @Override
                    public void down() {
                        outage.down();
                    }

                    @Override
                    public void up() {
                        outage.up();
                    }
                });
    }

    private static Set<String> finals(StampedEvents events, String callId) {
        return CallThroughOutage.finals(events, callId);
    }

    private String health() {
        return TestAuth.anonymous(httpPort).get().uri("/actuator/health").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
    }
}
