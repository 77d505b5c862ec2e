package io.earpiece.stt.vad;

import io.earpiece.stt.testaudio.Audio16k;
import io.earpiece.stt.testaudio.CorpusCall;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The default segmenter settings on every dev call: per party, as many utterances as the reference, each starting
 * and ending within 300 ms of it, both on the 16 kHz WAV and on the 8 kHz mu-law RTP the calls arrive as.
 */
class UtteranceSegmenterIT {

    private static final long TOLERANCE_MS = 300;
    private static final Path OUT = Paths.get("target", "corpus");

    @TestFactory
    List<DynamicTest> segmentsEveryDevCallLikeTheReference() throws IOException {
        Assumptions.assumeTrue(CorpusCall.synthToolsAvailable(),
                "espeak-ng, sox or ffmpeg missing: cannot render the dev corpus (apt-get install espeak-ng sox ffmpeg)");
        List<Path> scripts = CorpusCall.devScripts();
        assertThat(scripts).as("dev call scripts under " + CorpusCall.sharedDir()).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path script : scripts) {
            for (String party : List.of("rep", "customer")) {
                for (String source : List.of("wav", "pcmu")) {
                    String name = script.getFileName() + " " + party + " " + source;
                    tests.add(DynamicTest.dynamicTest(name, () -> check(script, party, source)));
                }
            }
        }
        return tests;
    }

    private void check(Path script, String party, String source) throws Exception {
        CorpusCall call = CorpusCall.required(script, OUT);
        List<DetectedSpeech> found = source.equals("wav") ? segmentWav(call.wav(party)) : segmentPcap(call.pcap(party));
        List<CorpusCall.Reference> expected = call.references(party);

        String report = describe(found, expected);
        assertThat(found).as("utterances of %s in %s (%s)%n%s", party, call.name(), source, report)
                .hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            DetectedSpeech got = found.get(i);
            CorpusCall.Reference want = expected.get(i);
            if (Math.abs(got.startMs() - want.startMs()) > TOLERANCE_MS
                    || Math.abs(got.endMs() - want.endMs()) > TOLERANCE_MS) {
                fail("utterance %d of %s in %s (%s) is off by more than %d ms%n%s", i, party, call.name(), source,
                        TOLERANCE_MS, report);
            }
        }
    }

    private static List<DetectedSpeech> segmentWav(Path wav) throws IOException {
        short[] pcm = Audio16k.readWav(wav);
        UtteranceSegmenter segmenter = new UtteranceSegmenter(VadSettings.defaults());
        List<DetectedSpeech> out = new ArrayList<>();
        for (int offset = 0; offset + 320 <= pcm.length; offset += 320) {
            segmenter.accept(offset / 16, Arrays.copyOfRange(pcm, offset, offset + 320)).ifPresent(out::add);
        }
        segmenter.flush().ifPresent(out::add);
        return out;
    }

    private static List<DetectedSpeech> segmentPcap(Path pcap) throws IOException {
        UtteranceSegmenter segmenter = new UtteranceSegmenter(VadSettings.defaults());
        List<DetectedSpeech> out = new ArrayList<>();
        for (Audio16k.Chunk chunk : Audio16k.readPcmuPcap(pcap)) {
            segmenter.accept(chunk.mediaTimeMs(), chunk.samples()).ifPresent(out::add);
        }
        segmenter.flush().ifPresent(out::add);
        return out;
    }

    private static String describe(List<DetectedSpeech> found, List<CorpusCall.Reference> expected) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.max(found.size(), expected.size()); i++) {
            String got = i < found.size() ? found.get(i).startMs() + "-" + found.get(i).endMs() : "-";
            String want = i < expected.size() ? expected.get(i).startMs() + "-" + expected.get(i).endMs() : "-";
            s.append(String.format("  #%d found %-13s reference %s%n", i, got, want));
        }
        return s.toString();
    }
}
