package io.earpiece.console.api;

import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.assist.CardRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

/** The assist API: whole-transcript analysis and card feedback with accept rates. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47100", "earpiece.rtp.port-max=47199",
        "earpiece.data-dir=target/it-data/assist-api", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:assistapi;DB_CLOSE_DELAY=-1"})
class AssistApiIT {

    @LocalServerPort
    int port;
    @Autowired
    CallRepository calls;
    @Autowired
    CardRepository cards;

    WebTestClient http() {
        return TestAuth.as(port, TestAuth.adminToken(port));
    }

    @Test
    void analysesAReferenceTranscript() throws Exception {
        SynthCall call = SynthCall.generate("retail-expansion");
        String json = Files.readString(call.dir().resolve("retail-expansion.json"));
        http().post().uri("/api/analyze?date=2026-11-23").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.events[?(@.tag == 'objection:price')]").exists()
                .jsonPath("$.events[?(@.tag == 'compliance:recording_disclosure')].utterance").isEqualTo(0)
                .jsonPath("$.cards").isNotEmpty();
    }

    @Test
    void refusesWhatIsNotATranscript() {
        http().post().uri("/api/analyze").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"utterances\": 3}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .startsWith("not a transcript"));
        http().post().uri("/api/analyze?date=yesterday").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"utterances\": []}").exchange().expectStatus().isBadRequest();
    }

    @Test
    void recordsCardFeedbackOnceAndReportsAcceptRate() {
        calls.save(new CallEntity("fb-call", "fb-conv", null, null, Instant.now()));
        CardEntity card = cards.save(new CardEntity("fb-call", "price-objection", "Price", "Ask about budget", 2, 3,
                "objection:price", Instant.now()));
        String uri = "/api/calls/fb-call/cards/" + card.getId() + "/feedback";
        http().post().uri(uri).bodyValue(Map.of("action", "maybe")).exchange().expectStatus().isBadRequest();
        http().post().uri(uri).bodyValue(Map.of("action", "used")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.feedback").isEqualTo("used");
        http().post().uri(uri).bodyValue(Map.of("action", "dismissed")).exchange().expectStatus().isEqualTo(409);
        http().post().uri("/api/calls/other/cards/" + card.getId() + "/feedback").bodyValue(Map.of("action", "used"))
                .exchange().expectStatus().isNotFound();
        http().get().uri("/api/cards/stats").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.cardKey == 'price-objection')].acceptRate").isEqualTo(1.0);
    }
}
