package io.earpiece.console.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.RecordedWav;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.TmpfsVolume;
import io.earpiece.sip.SipGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The data volume (recordings and uploads) is a small tmpfs that fills in the middle of a call: the call goes on to
 * its hang-up and its transcript is stored in full, each leg's recording stops once with one log line (not a stack
 * trace every 20 ms frame) and stays a valid WAV of what fitted, the failures are counted in
 * {@code earpiece_recording_failures_total}, health's {@code storage} component reads DEGRADED, a call that
 * arrives while the disk is full is answered and transcribed (unrecorded) without touching what was stored, and an
 * upload is refused with 507 and the reason. Needs root to mount the tmpfs; skipped elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47900", "earpiece.rtp.port-max=47999",
        "earpiece.rtp.media-timeout=30s", "earpiece.storage.min-free=64KB", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:diskfull;DB_CLOSE_DELAY=-1"})
@Import(ReplayRecognizerConfig.class)
@ExtendWith(OutputCaptureExtension.class)
class DiskFullIT {

    static final Path VOLUME = Path.of("target", "it-data", "disk-full").toAbsolutePath();
    static TmpfsVolume volume;

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @Autowired
    MeterRegistry registry;
    @LocalServerPort
    int httpPort;

    @BeforeAll
    static void mountSmallVolume() throws Exception {
        volume = TmpfsVolume.mount(VOLUME, 1024);
        assumeTrue(volume != null, "cannot mount a tmpfs here (needs root): DiskFullIT skipped");
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("earpiece.data-dir", () -> VOLUME.toString());
    }

    @AfterAll
    static void unmount() throws Exception {
        if (volume != null) {
            volume.close();
        }
    }

    @Test
    void aDiskThatFillsMidCallLosesNoTranscriptAndIsReportedOnce(CapturedOutput output) throws Exception {
        SynthCall call = SynthCall.generate("chorus-comparison");
        ReferenceTranscript ref = call.reference();
        recognizer.use(ref);
        WebTestClient http = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
        // Room for a few seconds of the two recordings (2 x 32 KB/s), then the disk is full.
        volume.fillLeaving(300 * 1024);
        assertThat(storage(http).path("status").asText()).isEqualTo("UP");
        String conversation = "disk-full-" + UUID.randomUUID();

        try (SipLegs legs = SipLegs.start(call, conversation, "127.0.0.1", gateway.port(), 1)) {
            legs.awaitSuccess(Duration.ofSeconds((long) ref.duration_s() + 60));
        }
        CallViews.CallSummary mine = await().atMost(Duration.ofSeconds(60)).until(() -> http.get()
                .uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { }).returnResult()
                .getResponseBody().stream().filter(c -> c.conversationId().startsWith(conversation))
                .findFirst().orElse(null), c -> c != null && c.status().equals("ENDED")
                && c.segments() >= ref.utterances().size());
        assertThat(mine.endReason()).isEqualTo("REMOTE_BYE");

        assertThat(output.getOut()).contains("No space left on device");
        assertThat(count(output.getAll(), "the rest of the call is not recorded"))
                .as("one line per leg, not one per frame").isBetween(1, 2);
        assertThat(output.getAll()).doesNotContain("recording write failed");
        assertThat(failuresCounted()).isGreaterThanOrEqualTo(1);
        JsonNode storage = storage(http);
        assertThat(storage.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(storage.path("details").path("recordingFailures").asLong()).isGreaterThanOrEqualTo(1);

        List<Path> recordings = RecordedWav.ofCall(VOLUME, mine.id());
        assertThat(recordings).hasSize(2);
        Map<Path, String> stored = new HashMap<>();
        for (Path wav : recordings) {
            RecordedWav.assertValid(wav);
            stored.put(wav, sha256(wav));
        }

        // A new call while the disk is full is still answered and transcribed (unrecorded), and what was stored
        // before is left as it was.
        String next = "disk-full-next-" + UUID.randomUUID();
        try (SipLegs legs = SipLegs.start(call, next, "127.0.0.1", gateway.port(), 1)) {
            legs.awaitSuccess(Duration.ofSeconds((long) ref.duration_s() + 60));
        }
        CallViews.CallSummary answered = await().atMost(Duration.ofSeconds(60)).until(() -> http.get()
                .uri("/api/calls?size=100").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { }).returnResult()
                .getResponseBody().stream().filter(c -> c.conversationId().startsWith(next))
                .findFirst().orElse(null), c -> c != null && c.status().equals("ENDED")
                && c.segments() >= ref.utterances().size());
        assertThat(answered.endReason()).isEqualTo("REMOTE_BYE");
        for (Map.Entry<Path, String> e : stored.entrySet()) {
            assertThat(sha256(e.getKey())).as(e.getKey() + " unchanged by the call after it").isEqualTo(e.getValue());
        }
        assertThat(storage(http).path("status").asText()).isEqualTo("DEGRADED");

        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(Files.readAllBytes(call.wav("rep")))).filename("call.wav");
        JsonNode refused = http.post().uri("/api/uploads").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isEqualTo(HttpStatus.INSUFFICIENT_STORAGE).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(refused.path("message").asText()).contains("uploads volume is full");
        try (Stream<Path> left = Files.list(VOLUME.resolve("uploads"))) {
            assertThat(left.filter(Files::isRegularFile)).as("nothing half-stored").isEmpty();
        }

        // Room for the compressed upload (92 KB of MP3) but not for its recording (30 s of 16 kHz PCM, 960 KB): the
        // upload is taken, and its job fails when the recording meets the full disk while it is stored.
        Files.delete(VOLUME.resolve("filler"));
        volume.fillLeaving(400 * 1024);
        long failuresBefore = failuresCounted();
        MultipartBodyBuilder mp3 = new MultipartBodyBuilder();
        mp3.part("file", new ByteArrayResource(Files.readAllBytes(call.dir().resolve("chorus-comparison.mp3"))))
                .filename("call.mp3");
        String job = http.post().uri("/api/uploads").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(mp3.build())).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asText();
        JsonNode failed = await().atMost(Duration.ofSeconds(120)).until(() -> http.get().uri("/api/uploads/" + job)
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody(),
                j -> j.path("state").asText().equals("FAILED") || j.path("state").asText().equals("DONE"));
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("reason").asText()).startsWith("the recordings volume is full");
        assertThat(failuresCounted()).as("counted with the recording failures").isGreaterThan(failuresBefore);
        assertThat(output.getAll()).contains("upload job " + job + " failed: the recordings volume is full")
                .doesNotContain("upload job " + job + " failed\n");
        try (Stream<Path> left = Files.walk(VOLUME.resolve("recordings"))) {
            assertThat(left.filter(f -> f.toString().endsWith(".tmp") || (f.toString().endsWith(".wav")
                    && Files.isRegularFile(f) && !f.toString().contains(mine.id())
                    && !f.toString().contains(answered.id()))))
                    .as("no half-written recording of the upload").isEmpty();
        }
    }

    private JsonNode storage(WebTestClient http) {
        return http.get().uri("/actuator/health").exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("components").path("storage");
    }

    /** The counter behind {@code earpiece_recording_failures_total} (SpringBootTest turns the exporter off). */
    private long failuresCounted() {
        return (long) registry.get("earpiece.recording.failures").functionCounter().count();
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
