package io.earpiece.console.upload;

import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.console.api.CallViews;
import io.earpiece.console.summary.SummaryView;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.diarize.DiarizationErrorRate;
import io.earpiece.diarize.SpeakerTurn;
import io.earpiece.stt.SpeechRecognizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dev call uploaded as MP3, M4A (mono mixes, diarized), stereo WAV (one speaker per channel) and mono WAV:
 * each becomes a stored call whose speaker turns match the script's reference, with a summary and action items,
 * speakers that can be renamed, progress as server-sent events, and a watched folder that picks files up once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        io.earpiece.console.testing.TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47300", "earpiece.rtp.port-max=47399",
        "earpiece.data-dir=target/it-data/upload-formats",
        "earpiece.uploads.watch-dir=target/it-data/upload-formats/inbox",
        "earpiece.uploads.watch-interval=200ms",
        "spring.datasource.url=jdbc:h2:mem:uploadformats;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadFormatsIT {

    static final String CALL = "budget-freeze";
    static final long TOLERANCE_MS = 300;

    @TestConfiguration
    static class Speech {
        @Bean
        TimedReferenceRecognizer timedReferenceRecognizer() {
            return new TimedReferenceRecognizer();
        }
    }

    @Autowired
    TimedReferenceRecognizer recognizer;
    @Autowired
    SpeechRecognizer inEffect;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    UploadClient client;
    SynthCall synth;

    @BeforeAll
    void fixtures() throws Exception {
        synth = SynthCall.generate(CALL);
        recognizer.use(synth.reference());
        client = new UploadClient(port);
    }

    Path file(String format) {
        return synth.dir().resolve(CALL + "." + format);
    }

    @Test
    void stereoWavKeepsOneSpeakerPerChannelExactly() {
        UploadView done = client.awaitFinal(client.accepted(file("stereo.wav"), CALL + ".wav").id(),
                Duration.ofSeconds(60));
        assertThat(done.state()).as(done.reason()).isEqualTo("DONE");
        assertThat(done.sha256()).hasSize(64);
        assertThat(done.format()).isEqualTo("WAV");
        CallViews.CallDetail call = client.call(done.callId());
        assertThat(call.status()).isEqualTo("ENDED");
        List<CallViews.SegmentView> segments = call.segments().stream()
                .sorted(Comparator.comparingLong(CallViews.SegmentView::startMs)).toList();
        List<ReferenceTranscript.Utterance> ref = synth.reference().utterances();
        assertThat(segments).as("one segment per reference utterance").hasSameSizeAs(ref);
        for (int i = 0; i < ref.size(); i++) {
            ReferenceTranscript.Utterance r = ref.get(i);
            CallViews.SegmentView s = segments.get(i);
            assertThat(s.party()).as("speaker of utterance %d", i)
                    .isEqualTo(r.speaker().equals("rep") ? "Speaker 1" : "Speaker 2");
            assertThat(Math.abs(s.startMs() - Math.round(r.start() * 1000))).as("start of %d", i)
                    .isLessThanOrEqualTo(TOLERANCE_MS);
            assertThat(Math.abs(s.endMs() - Math.round(r.end() * 1000))).as("end of %d", i)
                    .isLessThanOrEqualTo(TOLERANCE_MS);
            assertThat(s.text()).isEqualTo(r.text());
        }
        assertThat(call.insights()).isNotEmpty();
        SummaryView summary = client.awaitSummary(done.callId());
        assertThat(summary.actionItems()).as("action items").isNotEmpty();
        assertThat(summary.actionItems()).anySatisfy(a -> assertThat(a.what()).containsIgnoringCase("seat option"));
        // the dashboard's talk figures, with the speaker named as the rep counted as the rep
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from call_talk where call_id = ?", Integer.class, done.callId()) == 1);
        io.earpiece.console.analytics.StoredTalk.matchesTheTranscript(jdbc, done.callId());
        assertThat(jdbc.queryForObject("select rep_ms from call_talk where call_id = ?", Long.class, done.callId()))
                .as("the rep spoke").isPositive();
    }

    /** An outbound call where the customer answers first: the uploader says the rep is Speaker 2. */
    @Test
    void theUploaderCanSayTheRepIsTheSecondSpeaker() {
        UploadView done = client.awaitFinal(client.accepted(file("stereo.wav"), CALL + "-rep2.wav",
                "/api/uploads?rep=2").id(), Duration.ofSeconds(60));
        assertThat(done.state()).as(done.reason()).isEqualTo("DONE");
        assertThat(done.rep()).isEqualTo("Speaker 2");
        SummaryView summary = client.awaitSummary(done.callId());
        DueDateResolver dates = new DueDateResolver();
        int checked = 0;
        for (ReferenceTranscript.Utterance u : synth.reference().utterances()) {
            for (String tag : u.tags()) {
                if (tag.startsWith("action:")) {
                    String[] parts = tag.split(":", 4);
                    // the script's rep is Speaker 1, so the roles are swapped: each item changes owner
                    String swapped = parts[1].equals("rep") ? "customer" : "rep";
                    LocalDate due = dates.resolve(parts[3], summary.callDate()).orElseThrow();
                    assertThat(summary.actionItems()).as("action item %s", tag)
                            .anyMatch(a -> a.owner().equals(swapped) && Objects.equals(a.dueDate(), due));
                    checked++;
                }
            }
        }
        assertThat(checked).as("labelled action items in the script").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mono.wav", "mp3", "m4a"})
    void monoMixesAreDiarized(String format) {
        UploadView done = client.awaitFinal(client.accepted(file(format), CALL + "-upload." + format).id(),
                Duration.ofSeconds(60));
        assertThat(done.state()).as(done.reason()).isEqualTo("DONE");
        CallViews.CallDetail call = client.call(done.callId());
        List<SpeakerTurn> reference = synth.reference().utterances().stream()
                .map(u -> new SpeakerTurn(u.speaker(), Math.round(u.start() * 1000), Math.round(u.end() * 1000)))
                .toList();
        List<SpeakerTurn> hypothesis = call.segments().stream()
                .map(s -> new SpeakerTurn(s.party(), s.startMs(), s.endMs())).toList();
        DiarizationErrorRate.Result der = new DiarizationErrorRate(250).score(reference, hypothesis);
        System.out.printf(Locale.ROOT, "upload %s of %s: %d segments, %s%n", format, CALL, hypothesis.size(), der);
        assertThat(call.parties()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(der.der()).as("diarization error rate of the %s upload", format).isLessThan(0.25);
        SummaryView summary = client.awaitSummary(done.callId());
        assertThat(summary.actionItems()).as("action items").isNotEmpty();
    }

    /**
     * One of the project's calls of each kind (a price objection, a prospect with no need, a support call, a meeting,
     * a renewal), then every dev call where {@code ../shared} is present. Uploading all of the project's calls
     * in four formats would take minutes; the diarizer and summary tests of the inference module cover every one.
     * The 2½-minute review is not here: the summary engine calls it a sales call (a miss SummaryCorpusTest counts),
     * and this test checks the upload path against the reference, so it would fail on the engine, not the path.
     */
    static final List<String> OWN_UPLOADS = List.of("budget-freeze", "startup-no-need", "it-helpdesk",
            "onboarding-kickoff", "renewal-cfo");

    static Stream<Arguments> callsInEveryFormat() {
        Stream<Arguments> own = OWN_UPLOADS.stream().map(c -> Arguments.of("own", c));
        Stream<Arguments> dev = SynthCall.devCallNames().stream().map(c -> Arguments.of("dev", c));
        return Stream.concat(own, dev).flatMap(a -> Stream.of("stereo.wav", "mono.wav", "mp3", "m4a")
                .map(f -> Arguments.of(a.get()[0], a.get()[1], f)));
    }

    /**
     * Every such call in every format: stereo keeps the reference turns exactly, mono mixes are diarized
     * within the goal, and the stored summary has the call's type and each labelled action item's owner and date.
     */
    @ParameterizedTest(name = "{0}/{1} as {2}")
    @MethodSource("callsInEveryFormat")
    void everyCallInEveryFormatMatchesItsReference(String set, String name, String format) throws Exception {
        SynthCall rendered = set.equals("own") ? SynthCall.generate(name) : SynthCall.generateDev(name);
        recognizer.use(rendered.reference());
        try {
            // A mono file's first voice is taken for the rep; where the customer speaks first (a support line that
            // answers), the uploader says so with ?rep=2, as the upload page offers. Stereo keeps the rep on the left.
            boolean customerFirst = !format.equals("stereo.wav")
                    && rendered.reference().utterances().get(0).speaker().equals("customer");
            UploadView done = client.awaitFinal(client.accepted(rendered.dir().resolve(name + "." + format),
                    name + "-corpus." + format, customerFirst ? "/api/uploads?rep=2" : "/api/uploads").id(),
                    Duration.ofSeconds(90));
            assertThat(done.state()).as(done.reason()).isEqualTo("DONE");
            CallViews.CallDetail call = client.call(done.callId());
            List<ReferenceTranscript.Utterance> ref = rendered.reference().utterances();
            List<SpeakerTurn> reference = ref.stream().map(u -> new SpeakerTurn(
                    u.speaker().equals("rep") ? "Speaker 1" : "Speaker 2",
                    Math.round(u.start() * 1000), Math.round(u.end() * 1000))).toList();
            List<SpeakerTurn> hypothesis = call.segments().stream()
                    .map(s -> new SpeakerTurn(s.party(), s.startMs(), s.endMs())).toList();
            DiarizationErrorRate.Result strict = new DiarizationErrorRate(0).score(reference, hypothesis);
            System.out.printf(Locale.ROOT, "corpus upload %s as %s: %d segments, %s%n", name, format,
                    hypothesis.size(), strict);
            if (format.equals("stereo.wav")) {
                List<CallViews.SegmentView> segments = call.segments().stream()
                        .sorted(Comparator.comparingLong(CallViews.SegmentView::startMs)).toList();
                assertThat(segments).as("one segment per reference utterance").hasSameSizeAs(ref);
                for (int i = 0; i < ref.size(); i++) {
                    assertThat(segments.get(i).party()).as("speaker of utterance %d", i)
                            .isEqualTo(reference.get(i).speaker());
                    assertThat(Math.abs(segments.get(i).startMs() - reference.get(i).startMs())).as("start of %d", i)
                            .isLessThanOrEqualTo(TOLERANCE_MS);
                }
            } else {
                assertThat(strict.der()).as("diarization error rate (no collar) of %s as %s", name, format)
                        .isLessThanOrEqualTo(0.10);
            }
            SummaryView summary = client.awaitSummary(done.callId());
            assertThat(summary.type()).as("call type").isEqualTo(rendered.reference().type());
            DueDateResolver dates = new DueDateResolver();
            for (ReferenceTranscript.Utterance u : ref) {
                for (String tag : u.tags()) {
                    if (!tag.startsWith("action:")) {
                        continue;
                    }
                    String[] parts = tag.split(":", 4);
                    LocalDate due = dates.resolve(parts[3], summary.callDate()).orElseThrow();
                    assertThat(summary.actionItems()).as("action item %s", tag)
                            .anyMatch(a -> a.owner().equals(parts[1]) && Objects.equals(a.dueDate(), due));
                }
            }
        } finally {
            recognizer.use(synth.reference());
        }
    }

    @Test
    void speakerRenamesStick() {
        UploadView done = client.awaitFinal(client.accepted(file("stereo.wav"), "rename.wav").id(),
                Duration.ofSeconds(60));
        assertThat(done.speakers()).containsEntry("Speaker 1", "Speaker 1").containsEntry("Speaker 2", "Speaker 2");
        client.http.put().uri("/api/calls/" + done.callId() + "/speakers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Speaker 1", "Rep", "Speaker 2", "Dana")).exchange().expectStatus().isOk();
        client.http.put().uri("/api/calls/" + done.callId() + "/speakers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Speaker 9", "Nobody")).exchange().expectStatus().isBadRequest();
        assertThat(client.job(done.id()).speakers()).containsEntry("Speaker 1", "Rep").containsEntry("Speaker 2", "Dana");
        assertThat(client.http.get().uri("/api/calls/" + done.callId() + "/speakers").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult()
                .getResponseBody()).containsEntry("Speaker 1", "Rep");
    }

    @Test
    void progressStreamsAsServerSentEventsUntilDone() {
        UploadView job = client.accepted(file("mono.wav"), "events.wav");
        List<ServerSentEvent<UploadView>> events = client.http.get().uri("/api/uploads/" + job.id() + "/events")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<UploadView>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(60));
        assertThat(events).isNotEmpty();
        ServerSentEvent<UploadView> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("done");
        assertThat(last.data().percent()).isEqualTo(100);
        assertThat(last.data().callId()).isNotNull();
    }

    @Test
    void watchedFolderPicksAFileUpOnce() throws Exception {
        Path inbox = Path.of("target/it-data/upload-formats/inbox");
        Files.createDirectories(inbox);
        int before = client.callCount();
        Files.copy(file("stereo.wav"), inbox.resolve("dropped.wav"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve("processed/dropped.wav")));
        await().atMost(Duration.ofSeconds(60)).until(() -> client.http.get().uri("/api/uploads?size=100").exchange()
                .expectBodyList(UploadView.class).returnResult().getResponseBody().stream()
                .anyMatch(v -> v.fileName().equals("dropped.wav") && v.state().equals("DONE")));
        assertThat(Files.exists(inbox.resolve("dropped.wav"))).isFalse();
        assertThat(client.callCount()).isEqualTo(before + 1);
        assertThat(client.http.get().uri("/api/uploads?size=100").exchange().expectBodyList(UploadView.class)
                .returnResult().getResponseBody().stream().filter(v -> v.fileName().equals("dropped.wav")).count())
                .isEqualTo(1);
    }

    @Test
    void testRecognizerIsTheOneInEffect() {
        assertThat(inEffect).isSameAs(recognizer);
    }
}
