package io.earpiece.stt.streaming;

import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.TranscriptionSession;
import io.earpiece.stt.scheduling.RecognitionScheduler;
import io.earpiece.stt.scheduling.SchedulerSettings;
import io.earpiece.stt.testaudio.Audio16k;
import io.earpiece.testcalls.RenderedCall;
import io.earpiece.testcalls.TestCalls;
import io.earpiece.stt.whisper.WhisperRecognizer;
import io.earpiece.stt.whisper.WhisperSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Transcribes every dev-corpus call through the real telephone path (RTP/PCMU pcap, mu-law decoded, upsampled to
 * 16 kHz, streaming speech to text with default settings) and writes NIST trn files of the reference and the
 * finals, one line per call and party, for sclite. Arguments: model file, output folder, threads.
 */
public final class WerBenchmark {

    private WerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Files.createDirectories(out);
        List<String> ref = new ArrayList<>();
        List<String> hyp = new ArrayList<>();
        int calls = 0;
        try (WhisperRecognizer recognizer = new WhisperRecognizer(new WhisperSettings(model, threads, 1, "en"));
             RecognitionScheduler scheduler = new RecognitionScheduler(SchedulerSettings.forCores(threads, threads))) {
            StreamingSpeechToText stt = new StreamingSpeechToText(StreamingSettings.defaults(), recognizer, scheduler);
            for (TestCalls.Script script : TestCalls.benchSet()) {
                RenderedCall call = TestCalls.render(script, out.resolve("calls"));
                calls++;
                for (String party : List.of("rep", "customer")) {
                    List<TranscriptSegment> segments = new CopyOnWriteArrayList<>();
                    TranscriptionSession session = stt.open(call.name(), party, segments::add);
                    for (Audio16k.Chunk chunk : Audio16k.readPcmuPcap(call.pcap(party))) {
                        session.accept(chunk.mediaTimeMs(), chunk.samples());
                    }
                    session.close();
                    String id = "(" + call.name() + "-" + party + "_1)";
                    StringBuilder reference = new StringBuilder();
                    call.of(party).forEach(r -> reference.append(r.text()).append(' '));
                    StringBuilder hypothesis = new StringBuilder();
                    segments.stream().filter(TranscriptSegment::isFinal)
                            .forEach(s -> hypothesis.append(s.text()).append(' '));
                    ref.add(normalise(reference.toString()) + " " + id);
                    hyp.add(normalise(hypothesis.toString()) + " " + id);
                    System.out.println(call.name() + " " + party + ": " + hypothesis.toString().strip());
                }
            }
        }
        Files.write(out.resolve("ref.trn"), ref, StandardCharsets.UTF_8);
        Files.write(out.resolve("hyp.trn"), hyp, StandardCharsets.UTF_8);
        System.out.println("calls=" + calls);
    }

    /** Lower case, words only: scoring should count recognition errors, not punctuation style. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").replaceAll("\\s+", " ").strip();
    }
}
