package io.earpiece.testcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.stt.testaudio.Audio16k;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The renderer keeps synth-call's output contract: what each file holds, how the parts line up, and the reference. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallRendererTest {
    private static final String SCRIPT = """
            # title: Two turns
            # type: support
            REP: Thanks for calling, how can I help? [compliance:recording_disclosure]
            CUSTOMER: My invoice shows the wrong address. [question:other] [pii:email]
            REP: I will fix it today. [action:rep:fix address:today]
            """;

    @TempDir
    static Path tmp;
    private RenderedCall call;

    @BeforeAll
    void render() throws Exception {
        if (!CallRenderer.toolsInstalled()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("espeak-ng, sox or ffmpeg missing: under CI=true calls must render");
            }
            Assumptions.abort("espeak-ng, sox or ffmpeg missing");
        }
        Path script = Files.writeString(tmp.resolve("two-turns.call"), SCRIPT);
        call = new CallRenderer().render(script, tmp.resolve("out"));
    }

    @Test
    void referenceHasTheScriptsUtterancesInOrderWithTheirTimes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(call.json().toFile());
        assertThat(json.get("title").asText()).isEqualTo("Two turns");
        assertThat(json.get("type").asText()).isEqualTo("support");
        assertThat(call.utterances()).extracting(RenderedCall.Utterance::speaker)
                .containsExactly("rep", "customer", "rep");
        assertThat(call.utterances().get(1).text()).isEqualTo("My invoice shows the wrong address.");
        assertThat(call.utterances().get(1).tags()).containsExactly("question:other", "pii:email");
        assertThat(call.utterances().get(0).start()).isEqualTo(CallRenderer.LEAD_S);
        for (int i = 1; i < call.utterances().size(); i++) {
            RenderedCall.Utterance previous = call.utterances().get(i - 1);
            RenderedCall.Utterance u = call.utterances().get(i);
            assertThat(u.end()).isGreaterThan(u.start() + 0.5);
            assertThat(u.start()).isCloseTo(previous.end() + CallRenderer.GAP_S, org.assertj.core.data.Offset.offset(0.002));
        }
        assertThat(call.durationS()).isCloseTo(call.utterances().get(2).end() + CallRenderer.GAP_S + CallRenderer.TAIL_S,
                org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void eachPartyChannelHoldsOnlyItsOwnSpeech() throws Exception {
        short[] rep = Audio16k.readWav(call.wav("rep"));
        short[] customer = Audio16k.readWav(call.wav("customer"));
        assertThat(rep.length).isEqualTo(customer.length);
        assertThat((double) rep.length).isCloseTo(call.durationS() * 16000, org.assertj.core.data.Offset.offset(16.0));
        for (RenderedCall.Utterance u : call.utterances()) {
            short[] talking = u.speaker().equals("rep") ? rep : customer;
            short[] listening = talking == rep ? customer : rep;
            assertThat(peak(talking, u.start(), u.end())).as("%s speaks", u.text()).isGreaterThan(3000);
            assertThat(peak(listening, u.start(), u.end())).as("the other party is silent").isZero();
        }
        assertThat(peak(rep, 0, CallRenderer.LEAD_S - 0.01)).isZero();
    }

    @Test
    void stereoAndMonoAreTheTwoChannelsTogether() throws Exception {
        short[] rep = Audio16k.readWav(call.wav("rep"));
        short[] customer = Audio16k.readWav(call.wav("customer"));
        short[] mono = Audio16k.readWav(call.file("mono.wav"));
        ByteBuffer stereo = ByteBuffer.wrap(Files.readAllBytes(call.file("stereo.wav"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(stereo.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(stereo.getInt(24)).as("rate").isEqualTo(16000);
        for (int i = 0; i < rep.length; i += 97) {
            assertThat(stereo.getShort(44 + 4 * i)).isEqualTo(rep[i]);
            assertThat(stereo.getShort(44 + 4 * i + 2)).isEqualTo(customer[i]);
            assertThat(mono[i]).isEqualTo((short) (rep[i] + customer[i]));
        }
    }

    @Test
    void pcapsAreTwentyMillisecondPcmuPacketsOfEachParty() throws Exception {
        List<Audio16k.Chunk> chunks = Audio16k.readPcmuPcap(call.pcap("customer"));
        assertThat(chunks).hasSize((int) (call.durationS() * 8000) / 160);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).mediaTimeMs()).isEqualTo(20L * i);
            assertThat(chunks.get(i).samples()).hasSize(320);
        }
        RenderedCall.Utterance customerTurn = call.utterances().get(1);
        int inTurn = (int) (customerTurn.start() * 50) + 10;
        int repTurn = (int) (call.utterances().get(0).start() * 50) + 10;
        assertThat(peak(chunks.get(inTurn).samples())).isGreaterThan(1000);
        assertThat(peak(chunks.get(repTurn).samples())).isLessThan(100);
        ByteBuffer pcap = ByteBuffer.wrap(Files.readAllBytes(call.pcap("rep")));
        assertThat(pcap.order(ByteOrder.LITTLE_ENDIAN).getInt(20)).as("link type Ethernet").isEqualTo(1);
    }

    @Test
    void uploadFormatsAreMp3AndM4a() throws Exception {
        byte[] mp3 = Files.readAllBytes(call.file("mp3"));
        byte[] m4a = Files.readAllBytes(call.file("m4a"));
        assertThat(mp3.length).isGreaterThan(1000);
        assertThat((mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3') || (mp3[0] & 0xff) == 0xff).isTrue();
        assertThat(new String(m4a, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void theSameScriptRendersToTheSameAudio() throws Exception {
        Path script = Files.writeString(Files.createDirectories(tmp.resolve("again")).resolve("two-turns.call"), SCRIPT);
        RenderedCall again = new CallRenderer().render(script, tmp.resolve("again-out"));
        for (String suffix : List.of("stereo.wav", "rep.pcmu.pcap", "mp3", "m4a", "json")) {
            assertThat(Files.readAllBytes(again.file(suffix))).as(suffix).isEqualTo(Files.readAllBytes(call.file(suffix)));
        }
    }

    @Test
    void anUnchangedScriptIsNotRenderedTwice() throws Exception {
        long before = Files.getLastModifiedTime(call.file("mp3")).toMillis();
        RenderedCall reused = new CallRenderer().render(tmp.resolve("two-turns.call"), tmp.resolve("out"));
        assertThat(Files.getLastModifiedTime(reused.file("mp3")).toMillis()).isEqualTo(before);
        assertThat(reused).isEqualTo(call);
    }

    @Test
    void aMalformedScriptIsRefusedWithItsLine() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.call"), "# title: x\nREP: hello\nMANAGER: hi\n");
        assertThatThrownBy(() -> new CallRenderer().render(bad, tmp.resolve("bad-out")))
                .isInstanceOf(CallRenderException.class).hasMessageContaining("line 3");
    }

    @Test
    void theProjectHasItsOwnScriptsOfEveryCallType() throws Exception {
        assertThat(CallScripts.all()).hasSizeGreaterThanOrEqualTo(5);
        List<String> types = CallScripts.all().stream().map(p -> {
            try {
                return new io.earpiece.assist.eval.CallScriptParser().parse(Files.readString(p)).type();
            } catch (Exception e) {
                throw new IllegalStateException(p + ": " + e.getMessage(), e);
            }
        }).distinct().toList();
        assertThat(types).contains("sales", "support", "meeting");
    }

    private static int peak(short[] pcm, double fromS, double toS) {
        int peak = 0;
        for (int i = (int) (fromS * 16000); i < Math.min(pcm.length, (int) (toS * 16000)); i++) {
            peak = Math.max(peak, Math.abs(pcm[i]));
        }
        return peak;
    }

    private static int peak(short[] pcm) {
        return peak(pcm, 0, pcm.length / 16000.0);
    }
}
