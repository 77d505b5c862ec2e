package io.earpiece.stt.vad;

import io.earpiece.stt.testaudio.Audio16k;
import io.earpiece.testcalls.RenderedCall;
import io.earpiece.testcalls.TestCalls;
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
 * The default segmenter settings on every project call, and on every dev call where {@code ../shared} is present:
 * per party, as many utterances as the reference, each starting and ending within 300 ms of it, both on the
 * 16 kHz WAV and on the 8 kHz mu-law RTP the calls arrive as.
 */
class UtteranceSegmenterIT {

    private static final long TOLERANCE_MS = 300;
    private static final Path OUT = Paths.get("target", "calls");

    @TestFactory
    List<DynamicTest> segmentsEveryCallLikeTheReference() throws IOException {
        TestCalls.assumeToolsInstalled();
        List<DynamicTest> tests = new ArrayList<>();
        for (TestCalls.Script script : TestCalls.ownThenDev()) {
            for (String party : List.of("rep", "customer")) {
                for (String source : List.of("wav", "pcmu")) {
                    String name = script + " " + party + " " + source;
                    tests.add(DynamicTest.dynamicTest(name, () -> check(script, party, source)));
                }
            }
        }
        return tests;
    }

    private void check(TestCalls.Script script, String party, String source) throws Exception {
        RenderedCall call = TestCalls.render(script, OUT);
        List<DetectedSpeech> found = source.equals("wav") ? segmentWav(call.wav(party)) : segmentPcap(call.pcap(party));
        List<RenderedCall.Utterance> expected = call.of(party);

        String report = describe(found, expected);
        assertThat(found).as("utterances of %s in %s (%s)%n%s", party, call.name(), source, report)
                .hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            DetectedSpeech got = found.get(i);
            RenderedCall.Utterance want = expected.get(i);
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

    private static String describe(List<DetectedSpeech> found, List<RenderedCall.Utterance> expected) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.max(found.size(), expected.size()); i++) {
            String got = i < found.size() ? found.get(i).startMs() + "-" + found.get(i).endMs() : "-";
            String want = i < expected.size() ? expected.get(i).startMs() + "-" + expected.get(i).endMs() : "-";
            s.append(String.format("  #%d found %-13s reference %s%n", i, got, want));
        }
        return s.toString();
    }
}
