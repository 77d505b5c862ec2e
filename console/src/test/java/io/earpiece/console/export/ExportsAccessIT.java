package io.earpiece.console.export;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The export jobs API is for admins only: reps and managers get 403 on listing and on replay. */
@SharedTestServer
class ExportsAccessIT {

    @LocalServerPort
    int port;

    @Test
    void onlyAdminsListAndReplayExportJobs() {
        TestAuth.user(port, "xena", "REP", "export-red", null, null);
        TestAuth.user(port, "xavier", "MANAGER", "export-red", null, null);
        for (String user : new String[]{"xena", "xavier"}) {
            TestAuth.asUser(port, user).get().uri("/api/exports").exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.message").isNotEmpty();
            TestAuth.asUser(port, user).get().uri("/api/exports?callId=any").exchange().expectStatus().isForbidden();
            TestAuth.asUser(port, user).post().uri("/api/exports/no-such-job/replay").exchange()
                    .expectStatus().isForbidden();
        }
        TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/api/exports").exchange().expectStatus().isOk();
        TestAuth.as(port, TestAuth.adminToken(port)).post().uri("/api/exports/no-such-job/replay").exchange()
                .expectStatus().isNotFound();
    }
}
