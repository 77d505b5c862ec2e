package io.earpiece.console.upload;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.upload.UploadJobEntity;
import io.earpiece.db.upload.UploadJobRepository;
import io.earpiece.db.upload.UploadSessionEntity;
import io.earpiece.db.upload.UploadSessionRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;

/**
 * Uploads follow the call rule: an admin sees and cancels every upload, a manager their team's users' uploads, a
 * rep their own; someone else's upload answers 404, as a call the user may not open does.
 */
@SharedTestServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadTeamAccessIT {

    static final String URSULA_JOB = "upload-job-ursula";
    static final String URI_JOB = "upload-job-uri";
    static final String URSULA_SESSION = "upload-session-ursula";
    static final String URI_SESSION = "upload-session-uri";

    @LocalServerPort
    int port;
    @Autowired
    UploadJobRepository jobs;
    @Autowired
    UploadSessionRepository sessions;
    @Autowired
    UploadStorage storage;

    @BeforeAll
    void uploadsOfTwoTeams() throws IOException {
        TestAuth.user(port, "ursula", "REP", "upload-red", null, null);
        TestAuth.user(port, "uri", "REP", "upload-blue", null, null);
        TestAuth.user(port, "uma", "MANAGER", "upload-red", null, null);
        // Queued jobs that no worker runs (jobs are submitted when created through the API or at start-up only).
        jobs.save(queued(URSULA_JOB, "ursula"));
        jobs.save(queued(URI_JOB, "uri"));
        for (String[] s : new String[][]{{URSULA_SESSION, "ursula"}, {URI_SESSION, "uri"}}) {
            sessions.save(new UploadSessionEntity(s[0], "call.wav", 1000, Instant.now(), s[1]));
            Files.createDirectories(storage.partialFile(s[0]).getParent());
            Files.deleteIfExists(storage.partialFile(s[0]));
            Files.createFile(storage.partialFile(s[0]));
        }
    }

    @Test
    void aManagerSeesAndCancelsOnlyTheirTeamsUploads() {
        WebTestClient uma = TestAuth.asUser(port, "uma");
        uma.get().uri("/api/uploads/" + URSULA_JOB).exchange().expectStatus().isOk();
        uma.get().uri("/api/uploads/" + URI_JOB).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("no upload " + URI_JOB);
        uma.get().uri("/api/uploads/" + URI_JOB + "/events").exchange().expectStatus().isNotFound();
        uma.get().uri("/api/uploads?size=500").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + URSULA_JOB + "')]").exists()
                .jsonPath("$[?(@.id == '" + URI_JOB + "')]").doesNotExist();
        uma.head().uri("/api/uploads/resumable/" + URSULA_SESSION).exchange().expectStatus().isOk();
        uma.head().uri("/api/uploads/resumable/" + URI_SESSION).exchange().expectStatus().isNotFound();

        uma.delete().uri("/api/uploads/" + URI_JOB).exchange().expectStatus().isNotFound();
        TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/api/uploads/" + URI_JOB).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("QUEUED");
        uma.delete().uri("/api/uploads/" + URSULA_JOB).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("CANCELLED");
    }

    @Test
    void aRepSeesOnlyTheirOwnUploads() {
        WebTestClient uri = TestAuth.asUser(port, "uri");
        uri.get().uri("/api/uploads/" + URI_JOB).exchange().expectStatus().isOk();
        uri.get().uri("/api/uploads/" + URSULA_JOB).exchange().expectStatus().isNotFound();
        uri.get().uri("/api/uploads?size=500").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + URSULA_JOB + "')]").doesNotExist();
        TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/api/uploads/" + URSULA_JOB).exchange()
                .expectStatus().isOk();
    }

    static UploadJobEntity queued(String id, String owner) {
        UploadJobEntity job = new UploadJobEntity(id, "call-of-" + id, id + ".wav", "/nowhere/" + id + ".upload", 1000,
                "0".repeat(64), "WAV", "upload", "QUEUED", "QUEUED", 1000L, Instant.now());
        job.setUploadedBy(owner);
        return job;
    }
}
