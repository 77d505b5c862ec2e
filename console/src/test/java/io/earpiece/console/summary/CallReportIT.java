package io.earpiece.console.summary;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.SummarisedCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.summary.ActionItemRepository;
import io.earpiece.db.summary.ObjectionEntity;
import io.earpiece.db.summary.ObjectionRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the call page reads and writes besides the call itself: ticking action items (kept, attributed, refused
 * with the reason when the body or item is wrong, 404 for a call the user may not open), the whole call as one
 * recording with each party at its leg's start, and the call's export status.
 */
@SharedTestServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallReportIT {

    static final String CALL = "call-report-rina";
    static final int RATE = SummarisedCall.RATE;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext spring;
    @Autowired
    ActionItemRepository actions;

    @BeforeAll
    void aSummarisedTwoPartyCall() throws IOException {
        TestAuth.user(port, "rina", "REP", "call-report-red", "rina", null);
        TestAuth.user(port, "ravi", "REP", "call-report-blue", "ravi", null);
        SummarisedCall.store(spring, CALL, "rina", Instant.parse("2026-11-02T10:00:00Z"), LocalDate.of(2026, 11, 6),
                Path.of("target/it-data/call-report"));
    }

    @Test
    void anActionItemTickedOffStaysTickedAndSaysWhoDidIt() {
        WebTestClient rina = TestAuth.asUser(port, "rina");
        rina.put().uri("/api/calls/{id}/action-items/0", CALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("done", true)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.done").isEqualTo(true).jsonPath("$.doneBy").isEqualTo("rina");
        rina.get().uri("/api/calls/{id}/summary", CALL).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.actionItems[0].done").isEqualTo(true)
                .jsonPath("$.actionItems[0].doneBy").isEqualTo("rina")
                .jsonPath("$.actionItems[0].doneAt").isNotEmpty()
                .jsonPath("$.actionItems[1].done").isEqualTo(false)
                .jsonPath("$.actionItems[1].seq").isEqualTo(1);
        rina.put().uri("/api/calls/{id}/action-items/0", CALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("done", false)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.done").isEqualTo(false).jsonPath("$.doneBy").doesNotExist();
    }

    @Test
    void eachObjectionSaysWhoRaisedIt() {
        // A further party's objection (a SIPREC call's colleague) beside the fixture's customer objection.
        spring.getBean(ObjectionRepository.class).saveAndFlush(new ObjectionEntity(CALL, 1, 2, "timing",
                "Not before the next quarter", null, "customer-2"));
        TestAuth.asUser(port, "rina").get().uri("/api/calls/{id}/summary", CALL).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.objections[0].by").isEqualTo("customer")
                .jsonPath("$.objections[1].by").isEqualTo("customer-2")
                .jsonPath("$.objections[1].kind").isEqualTo("timing")
                .jsonPath("$.objections[1].answered").isEqualTo(false);
    }

    @Test
    void wrongChecklistRequestsAreRefusedWithTheReason() {
        WebTestClient rina = TestAuth.asUser(port, "rina");
        rina.put().uri("/api/calls/{id}/action-items/1", CALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("done must be true or false");
        rina.put().uri("/api/calls/{id}/action-items/1", CALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"done\":").exchange().expectStatus().isBadRequest();
        rina.put().uri("/api/calls/{id}/action-items/99", CALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("done", true)).exchange().expectStatus().isNotFound();
        rina.put().uri("/api/calls/{id}/action-items/first", CALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("done", true)).exchange().expectStatus().isBadRequest();
        TestAuth.asUser(port, "ravi").put().uri("/api/calls/{id}/action-items/1", CALL)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("done", true)).exchange()
                .expectStatus().isNotFound();
        assertThat(actions.findByCallIdAndSeq(CALL, 1).orElseThrow().getDoneAt()).isNull();
    }

    @Test
    void theWholeCallIsOneRecordingWithEachPartyAtItsStart() {
        byte[] wav = TestAuth.asUser(port, "rina").get().uri("/api/calls/{id}/audio/call.wav", CALL).exchange()
                .expectStatus().isOk().expectHeader().contentType("audio/wav")
                .expectBody().returnResult().getResponseBody();
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(b.getInt(24)).isEqualTo(RATE);
        // 1 s of rep, the customer from 0.5 s to 1.5 s
        assertThat(b.getInt(40)).isEqualTo(RATE * 3 / 2 * 2);
        assertThat(sample(b, RATE / 4)).isEqualTo((short) 1000);
        assertThat(sample(b, RATE * 3 / 4)).isEqualTo((short) 1300);
        assertThat(sample(b, RATE * 5 / 4)).isEqualTo((short) 300);
        // the player seeks with range requests
        TestAuth.asUser(port, "rina").get().uri("/api/calls/{id}/audio/call.wav", CALL).header("Range", "bytes=44-99")
                .exchange().expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT);
        TestAuth.asUser(port, "ravi").get().uri("/api/calls/{id}/audio/call.wav", CALL).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theCallsExportStatusIsShownWithoutTheCrmAnswerToNonAdmins() {
        TestAuth.asUser(port, "rina").get().uri("/api/calls/{id}/exports", CALL).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].exporter").isEqualTo("hubspot").jsonPath("$[0].state").isEqualTo("FAILED")
                .jsonPath("$[0].lastOutcome").doesNotExist();
        TestAuth.asUser(port, "ravi").get().uri("/api/calls/{id}/exports", CALL).exchange().expectStatus().isNotFound();
    }

    static short sample(ByteBuffer wav, int index) {
        return wav.getShort(44 + index * 2);
    }
}
