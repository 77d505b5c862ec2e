package io.earpiece.console.api;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/analyze?team=} coaches with a team's playbook, so it follows the playbook API's rule: a rep
 * (who may read no playbook) may only name their own team, whose cards they get on their calls anyway; managers
 * and admins may name any team.
 */
@SharedTestServer
class AnalyzeTeamAccessIT {

    static final String TRANSCRIPT = """
            {"utterances": [{"speaker": "customer", "start": 0, "end": 3,
              "text": "Honestly, this is way too expensive for a team our size."}]}""";

    @LocalServerPort
    int port;

    @Test
    void aRepMayAnalyseOnlyWithTheirOwnTeamsPlaybook() {
        TestAuth.user(port, "andy", "REP", "analyze-red", null, null);
        TestAuth.user(port, "anna", "REP", "analyze-blue", null, null);
        TestAuth.user(port, "amir", "MANAGER", "analyze-red", null, null);
        WebTestClient andy = TestAuth.asUser(port, "andy");

        analyze(andy, "").expectStatus().isOk();
        analyze(andy, "?team=analyze-red").expectStatus().isOk();
        analyze(andy, "?team=analyze-blue").expectStatus().isForbidden()
                .expectBody().jsonPath("$.message").isNotEmpty();
        analyze(andy, "?team=default").expectStatus().isForbidden();
        // no probing of team names either
        analyze(andy, "?team=no-such-team").expectStatus().isForbidden();
        TestAuth.asUser(port, "andy").get().uri("/api/playbooks/analyze-blue").exchange().expectStatus().isForbidden();

        analyze(TestAuth.asUser(port, "amir"), "?team=analyze-blue").expectStatus().isOk();
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        analyze(admin, "?team=analyze-blue").expectStatus().isOk();
        analyze(admin, "?team=no-such-team").expectStatus().isNotFound();
    }

    WebTestClient.ResponseSpec analyze(WebTestClient client, String query) {
        return client.post().uri("/api/analyze" + query).contentType(MediaType.APPLICATION_JSON).bodyValue(TRANSCRIPT)
                .exchange();
    }
}
