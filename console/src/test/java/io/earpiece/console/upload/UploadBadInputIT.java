package io.earpiece.console.upload;

import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad uploads are refused while the client waits, with a 4xx that names the problem and without a job or a
 * call; and the resumable protocol (create, chunks, offset, complete) carries a recording through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        io.earpiece.console.testing.TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47400", "earpiece.rtp.port-max=47499",
        "earpiece.data-dir=target/it-data/upload-bad-input",
        "earpiece.uploads.max-size=2MB",
        "spring.datasource.url=jdbc:h2:mem:uploadbad;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadBadInputIT {

    static final String CALL = "budget-freeze";
    static final String REP_PASSWORD = "correct horse battery";

    @TestConfiguration
    static class Speech {
        @Bean
        TimedReferenceRecognizer timedReferenceRecognizer() {
            return new TimedReferenceRecognizer();
        }
    }

    @Autowired
    TimedReferenceRecognizer recognizer;
    @LocalServerPort
    int port;

    UploadClient client;
    SynthCall synth;
    Path dir;

    @BeforeAll
    void fixtures() throws Exception {
        synth = SynthCall.generate(CALL);
        recognizer.use(synth.reference());
        client = new UploadClient(port);
        dir = Files.createDirectories(Path.of("target/it-data/upload-bad-input/fixtures"));
    }

    void refused(Path file, String name, HttpStatus status, String says) {
        int calls = client.callCount();
        int jobs = jobCount();
        EntityExchangeResult<Map> r = client.post(file, name);
        assertThat(r.getStatus()).as("%s: %s", name, r.getResponseBody()).isEqualTo(status);
        assertThat(String.valueOf(r.getResponseBody().get("message"))).containsIgnoringCase(says);
        assertThat(client.callCount()).as("no call for a refused upload").isEqualTo(calls);
        assertThat(jobCount()).as("no job for a refused upload").isEqualTo(jobs);
    }

    int jobCount() {
        return client.http.get().uri("/api/uploads?size=500").exchange().expectBodyList(UploadView.class)
                .returnResult().getResponseBody().size();
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = dir.resolve("empty.mp3");
        Files.deleteIfExists(empty);
        Files.createFile(empty);
        refused(empty, "empty.mp3", HttpStatus.UNPROCESSABLE_ENTITY, "empty");
    }

    @Test
    void textNamedMp3() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp3"), "Meeting notes: call Dana back on Friday.\n",
                StandardCharsets.UTF_8);
        refused(text, "notes.mp3", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not a recognised audio file");
    }

    @Test
    void truncatedMp4() throws IOException {
        byte[] whole = Files.readAllBytes(synth.dir().resolve(CALL + ".m4a"));
        Path cut = Files.write(dir.resolve("cut.m4a"), Arrays.copyOf(whole, whole.length / 2));
        refused(cut, "cut.m4a", HttpStatus.UNPROCESSABLE_ENTITY, "truncated");
    }

    @Test
    void halfSecondClip() throws IOException {
        int samples = 8_000;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0)));
        }
        byte[] wav = new byte[44 + samples * 2];
        System.arraycopy(WavFile.header(samples, 16_000), 0, wav, 0, 44);
        System.arraycopy(pcm.array(), 0, wav, 44, samples * 2);
        Path clip = Files.write(dir.resolve("clip.wav"), wav);
        refused(clip, "clip.wav", HttpStatus.UNPROCESSABLE_ENTITY, "0.50 s");
    }

    @Test
    void bytesThatDoNotMatchTheirChecksumAreRefused() {
        Path file = synth.dir().resolve(CALL + ".mp3");
        int calls = client.callCount();
        int jobs = jobCount();
        String wrong = "sha256 " + "0".repeat(64);
        EntityExchangeResult<Map> r = client.post(file, "changed.mp3", wrong, "/api/uploads");
        assertThat(r.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(String.valueOf(r.getResponseBody().get("message"))).contains("checksum mismatch")
                .contains(UploadClient.sha256(file));
        assertThat(client.callCount()).isEqualTo(calls);
        assertThat(jobCount()).isEqualTo(jobs);
    }

    @Test
    void aRepThatIsNoSpeakerIsRefused() {
        int jobs = jobCount();
        EntityExchangeResult<Map> r = client.post(synth.dir().resolve(CALL + ".mp3"), "rep.mp3", "/api/uploads?rep=3");
        assertThat(r.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(r.getResponseBody().get("message"))).contains("rep must be 1 or 2");
        assertThat(jobCount()).isEqualTo(jobs);
    }

    @Test
    void overTheLimit() {
        refused(synth.dir().resolve(CALL + ".stereo.wav"), "big.wav", HttpStatus.PAYLOAD_TOO_LARGE, "limit");
    }

    @Test
    void resumableUploadInChunks() throws IOException {
        client.http.post().uri("/api/uploads/resumable").header("Upload-Length", "3000000").exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        byte[] bytes = Files.readAllBytes(synth.dir().resolve(CALL + ".mono.wav"));
        Map<?, ?> session = client.http.post().uri("/api/uploads/resumable")
                .header("Upload-Length", Integer.toString(bytes.length)).header("Upload-Name", "chunked.wav")
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) session.get("id");
        int chunk = 400_000;
        for (int from = 0; from < bytes.length; from += chunk) {
            int to = Math.min(bytes.length, from + chunk);
            if (from == chunk) {
                // a repeated chunk is refused with the offset to resume from
                client.http.put().uri("/api/uploads/resumable/" + id)
                        .header("Content-Range", "bytes 0-" + (chunk - 1) + "/" + bytes.length)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(Arrays.copyOfRange(bytes, 0, chunk))
                        .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                        .expectHeader().valueEquals("Upload-Offset", Integer.toString(chunk));
                client.http.post().uri("/api/uploads/resumable/" + id + "/complete").exchange()
                        .expectStatus().isEqualTo(HttpStatus.CONFLICT);
            }
            client.http.put().uri("/api/uploads/resumable/" + id)
                    .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + bytes.length)
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(Arrays.copyOfRange(bytes, from, to))
                    .exchange().expectStatus().isOk().expectHeader().valueEquals("Upload-Offset", Integer.toString(to));
            client.http.head().uri("/api/uploads/resumable/" + id).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("Upload-Offset", Integer.toString(to));
        }
        client.http.post().uri("/api/uploads/resumable/" + id + "/complete?rep=3").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").value(
                        m -> assertThat(String.valueOf(m)).contains("rep must be 1 or 2"));
        UploadView job = client.http.post().uri("/api/uploads/resumable/" + id + "/complete").exchange()
                .expectStatus().isAccepted().expectBody(UploadView.class).returnResult().getResponseBody();
        UploadView done = client.awaitFinal(job.id(), Duration.ofSeconds(60));
        assertThat(done.state()).as(done.reason()).isEqualTo("DONE");
        assertThat(done.sizeBytes()).isEqualTo(bytes.length);
        assertThat(done.uploadedBy()).as("the job belongs to who started the upload").isEqualTo(TestAuth.ADMIN);
        assertThat(client.call(done.callId()).segments()).hasSize(synth.reference().utterances().size());
    }

    @Test
    void aResumableUploadCanOnlyBeContinuedByWhoStartedIt() {
        WebTestClient admin = client.http;
        for (String rep : new String[] {"rita", "rob"}) {
            admin.post().uri("/api/admin/users").bodyValue(Map.of("username", rep, "password", REP_PASSWORD,
                    "role", "REP")).exchange().expectStatus().value(s -> assertThat(s).isIn(201, 409));
        }
        WebTestClient rita = TestAuth.as(port, TestAuth.token(port, "rita", REP_PASSWORD));
        WebTestClient rob = TestAuth.as(port, TestAuth.token(port, "rob", REP_PASSWORD));
        Map<?, ?> session = rita.post().uri("/api/uploads/resumable").header("Upload-Length", "1000")
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String uri = "/api/uploads/resumable/" + session.get("id");

        rob.head().uri(uri).exchange().expectStatus().isNotFound();
        rob.put().uri(uri).header("Content-Range", "bytes 0-9/1000").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[10]).exchange().expectStatus().isNotFound();
        rob.post().uri(uri + "/complete").exchange().expectStatus().isNotFound();
        rita.head().uri(uri).exchange().expectStatus().isOk().expectHeader().valueEquals("Upload-Offset", "0");
        rita.put().uri(uri).header("Content-Range", "bytes 0-9/1000").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[10]).exchange().expectStatus().isOk().expectHeader()
                .valueEquals("Upload-Offset", "10");
        admin.head().uri(uri).exchange().expectStatus().isOk().expectHeader().valueEquals("Upload-Offset", "10");
    }

    @Test
    void cancellingARunningJobStopsItAndMakesNoCall() {
        recognizer.hold();
        try {
            int calls = client.callCount();
            UploadView job = client.accepted(synth.dir().resolve(CALL + ".mp3"), "to-cancel.mp3");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> client.job(job.id()), v -> "TRANSCRIBING".equals(v.stage()));
            UploadView cancelled = client.http.delete().uri("/api/uploads/" + job.id()).exchange()
                    .expectStatus().isAccepted().expectBody(UploadView.class).returnResult().getResponseBody();
            assertThat(cancelled.state()).isEqualTo("CANCELLED");
            recognizer.release();
            // the transcription in flight ends without storing anything, and the job stays cancelled
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        UploadView now = client.job(job.id());
                        return now.state().equals("CANCELLED") && now.callId() == null
                                && client.callCount() == calls;
                    });
        } finally {
            recognizer.release();
        }
    }

    @Test
    void cancelAJobThatEndedIsRefused() {
        UploadView done = client.awaitFinal(client.accepted(synth.dir().resolve(CALL + ".mono.wav"), "c.wav").id(),
                Duration.ofSeconds(60));
        client.http.delete().uri("/api/uploads/" + done.id()).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        client.http.delete().uri("/api/uploads/no-such-job").exchange().expectStatus().isNotFound();
    }

    @Test
    void aRepSeesOnlyTheirOwnUploadsAndOwnsTheirCall() {
        var admin = TestAuth.as(port, TestAuth.adminToken(port));
        // alice's phone has a SIP user of its own; eve's SIP user happens to be alice's username
        for (String[] user : new String[][] {{"upl-alice", "7001"}, {"upl-bob", null}, {"upl-eve", "upl-alice"}}) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("username", user[0],
                    "password", "long-password-" + user[0], "role", "REP"));
            if (user[1] != null) {
                body.put("sipUser", user[1]);
            }
            admin.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isCreated();
        }
        var alice = TestAuth.as(port, TestAuth.token(port, "upl-alice", "long-password-upl-alice"))
                .mutate().responseTimeout(Duration.ofSeconds(60)).build();
        var bob = TestAuth.as(port, TestAuth.token(port, "upl-bob", "long-password-upl-bob"));
        var eve = TestAuth.as(port, TestAuth.token(port, "upl-eve", "long-password-upl-eve"));

        var form = new org.springframework.http.client.MultipartBodyBuilder();
        form.part("file", new org.springframework.core.io.FileSystemResource(synth.dir().resolve(CALL + ".mp3")))
                .filename(CALL + ".mp3");
        UploadView accepted = alice.post().uri("/api/uploads").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isAccepted().expectBody(UploadView.class).returnResult().getResponseBody();
        assertThat(accepted.uploadedBy()).isEqualTo("upl-alice");

        bob.get().uri("/api/uploads/" + accepted.id()).exchange().expectStatus().isNotFound();
        bob.delete().uri("/api/uploads/" + accepted.id()).exchange().expectStatus().isNotFound();
        assertThat(bob.get().uri("/api/uploads?size=500").exchange().expectBodyList(UploadView.class)
                .returnResult().getResponseBody()).extracting(UploadView::id).doesNotContain(accepted.id());

        UploadView done = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).until(
                () -> alice.get().uri("/api/uploads/" + accepted.id()).exchange().expectStatus().isOk()
                        .expectBody(UploadView.class).returnResult().getResponseBody(),
                v -> v.callId() != null);
        alice.get().uri("/api/calls/" + done.callId()).exchange().expectStatus().isOk();
        bob.get().uri("/api/calls/" + done.callId()).exchange().expectStatus().isNotFound();
        eve.get().uri("/api/calls/" + done.callId()).exchange().expectStatus().isNotFound();
        // search agrees with access, and counts only what the user may open
        alice.get().uri("/api/search?size=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.hits[0].callId").isEqualTo(done.callId()).jsonPath("$.total").isEqualTo(1);
        eve.get().uri("/api/search?size=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.hits.length()").isEqualTo(0).jsonPath("$.total").isEqualTo(0);
    }
}
