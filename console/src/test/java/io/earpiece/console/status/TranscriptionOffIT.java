package io.earpiece.console.status;

import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.assist.InsightEntity;
import io.earpiece.db.assist.InsightRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.summary.ObjectionEntity;
import io.earpiece.db.summary.ObjectionRepository;
import io.earpiece.db.summary.SummaryEntity;
import io.earpiece.db.summary.SummaryRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server without a speech model says so up front and stays honest: GET /api/status tells everyone (and only
 * admins how to fix it), an upload's format is checked before the missing model (a text file named .mp3 gets
 * 415, a real recording 503), and a call with no transcribed line has a summary that claims nothing, in the
 * summary API and in the calls library (GET /api/search), whose sentiment filter and sort work over the rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47950", "earpiece.rtp.port-max=47999",
        // no model in this data folder: transcription is off
        "earpiece.data-dir=target/it-data/transcription-off",
        "spring.datasource.url=jdbc:h2:mem:transcriptionoff;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptionOffIT {

    static final Instant DAY = Instant.parse("2031-05-06T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    CallRepository calls;
    @Autowired
    TranscriptSegmentRepository segments;
    @Autowired
    SummaryRepository summaries;
    @Autowired
    ObjectionRepository objections;
    @Autowired
    InsightRepository insights;

    WebTestClient admin;
    WebTestClient rep;

    @BeforeAll
    void users() {
        admin = TestAuth.as(port, TestAuth.adminToken(port));
        TestAuth.user(port, "off-rep", "REP", null, null, null);
        rep = TestAuth.asUser(port, "off-rep");
    }

    @Test
    void everyoneIsToldTranscriptionIsOffAndOnlyAdminsHowToTurnItOn() {
        Map<?, ?> forAdmin = transcription(admin);
        assertThat(forAdmin.get("live")).isEqualTo(false);
        assertThat(forAdmin.get("uploads")).isEqualTo(false);
        assertThat((String) forAdmin.get("reason")).contains("no speech model");
        assertThat((String) forAdmin.get("howToEnable")).contains("./earpiece models pull base.en");
        Map<?, ?> forRep = transcription(rep);
        assertThat(forRep.get("live")).isEqualTo(false);
        assertThat((String) forRep.get("reason")).contains("no speech model");
        assertThat(forRep.get("howToEnable")).isNull();
        TestAuth.anonymous(port).get().uri("/api/status").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTextFileNamedMp3IsNotAudioEvenWhileTranscriptionIsOff() {
        Map<?, ?> body = upload(rep, "Meeting notes: call Dana back on Friday.\n".getBytes(StandardCharsets.UTF_8),
                "notes.mp3", HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat((String) body.get("message")).contains("not a recognised audio file");
    }

    @Test
    void aRecordingIsRefusedWithTheReasonWordedForWhoUploads() {
        Map<?, ?> forRep = upload(rep, wav(), "call.wav", HttpStatus.SERVICE_UNAVAILABLE);
        assertThat((String) forRep.get("message")).contains("transcription is off").contains("an admin")
                .doesNotContain("./earpiece");
        Map<?, ?> forAdmin = upload(admin, wav(), "call.wav", HttpStatus.SERVICE_UNAVAILABLE);
        assertThat((String) forAdmin.get("message")).contains("./earpiece models pull base.en");
        assertThat(admin.get().uri("/api/uploads?size=50").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody()).as("no job for a refused upload")
                .isEmpty();
    }

    @Test
    void aCallWithNoTranscribedLineHasASummaryThatClaimsNothing() {
        call("off-silent", 0, 20_000, null, null, true);
        call("off-said", 1, 90_000, "Honestly the price is too high for our budget.", "price", true);
        call("off-live", 2, 40_000, "We are in the middle of a migration.", null, false);
        insights.saveAndFlush(new InsightEntity("off-live", 0, "customer", "objection:timing", null, DAY));

        admin.get().uri("/api/calls/off-silent/summary").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.type").isEmpty().jsonPath("$.priority").isEmpty().jsonPath("$.sentiment").isEmpty()
                .jsonPath("$.abstractText").isEmpty().jsonPath("$.actionItems.length()").isEqualTo(0);
        admin.get().uri("/api/calls/off-said/summary").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.type").isEqualTo("sales").jsonPath("$.sentiment.label").isEqualTo("negative");

        Map<String, Map<String, Object>> hits = hits(search("from=2031-05-06&to=2031-05-06"));
        assertThat(hits).containsOnlyKeys("off-silent", "off-said", "off-live");
        assertThat(hits.get("off-silent")).containsEntry("callType", null).containsEntry("sentiment", null)
                .containsEntry("segments", 0).containsEntry("status", "ENDED");
        assertThat(hits.get("off-said")).containsEntry("callType", "sales").containsEntry("segments", 2)
                .containsEntry("objections", List.of("price")).containsEntry("cardsUsed", 0);
        assertThat(hits.get("off-live")).as("objections from live insights before the summary")
                .containsEntry("objections", List.of("timing"));

        assertThat(hits(search("from=2031-05-06&to=2031-05-06&sentiment=negative"))).containsOnlyKeys("off-said");
        assertThat(hits(search("from=2031-05-06&to=2031-05-06&type=sales"))).as("no type for the silent call")
                .containsOnlyKeys("off-said");
        assertThat(ids(search("from=2031-05-06&to=2031-05-06&sort=longest")))
                .containsExactly("off-said", "off-live", "off-silent");
        assertThat(ids(search("from=2031-05-06&to=2031-05-06&sort=oldest")))
                .containsExactly("off-silent", "off-said", "off-live");
        assertThat(ids(search("from=2031-05-06&to=2031-05-06"))).as("newest first by default")
                .containsExactly("off-live", "off-said", "off-silent");
        admin.get().uri("/api/search?sort=loudest").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").value(m -> assertThat(String.valueOf(m)).contains("sort must be"));
    }

    private void call(String id, int hour, long durationMs, String said, String objection, boolean summarised) {
        Instant start = DAY.plusSeconds(hour * 3600L);
        CallEntity c = new CallEntity(id, "conv-" + id, "sip:off-rep@acme.test", "sip:+15550001@pstn.test", start);
        c.end(start.plusMillis(durationMs), "REMOTE_BYE");
        calls.saveAndFlush(c);
        if (said != null) {
            segments.saveAndFlush(new TranscriptSegmentEntity(id, "rep", 0, 0, 2000, "Hello, thanks for your time.",
                    start));
            segments.saveAndFlush(new TranscriptSegmentEntity(id, "customer", 0, 2500, 6000, said, start));
        }
        if (!summarised) {
            return;
        }
        // the offline summarizer's defaults for an empty transcript would read "sales / low / neutral"
        summaries.saveAndFlush(new SummaryEntity(id, LocalDate.of(2031, 5, 6), "sales", "low", said == null ? "" : said,
                said == null ? "" : said, said == null ? "neutral" : "negative", 0, 0, 0, "", "offline", start));
        if (objection != null) {
            objections.saveAndFlush(new ObjectionEntity(id, 0, 1, objection, said, "I hear you.", "customer"));
        }
    }

    private Map<?, ?> transcription(WebTestClient client) {
        Map<?, ?> status = client.get().uri("/api/status").exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        return (Map<?, ?>) status.get("transcription");
    }

    private Map<?, ?> upload(WebTestClient client, byte[] bytes, String name, HttpStatus expected) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).filename(name);
        return client.post().uri("/api/uploads").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange().expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> search(String query) {
        Map<String, Object> page = admin.get().uri("/api/search?" + query).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("hits");
    }

    private static Map<String, Map<String, Object>> hits(List<Map<String, Object>> hits) {
        Map<String, Map<String, Object>> byId = new java.util.LinkedHashMap<>();
        hits.forEach(h -> byId.put((String) h.get("callId"), h));
        return byId;
    }

    private static List<String> ids(List<Map<String, Object>> hits) {
        return hits.stream().map(h -> (String) h.get("callId")).toList();
    }

    /** One second of a 440 Hz tone as 16 kHz mono PCM WAV: real audio, whatever a model would make of it. */
    static byte[] wav() {
        int samples = 16_000;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0)));
        }
        return b.array();
    }
}
