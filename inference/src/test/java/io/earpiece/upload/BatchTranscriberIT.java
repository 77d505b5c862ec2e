package io.earpiece.upload;

import io.earpiece.diarize.DiarizationSettings;
import io.earpiece.diarize.Diarizer;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;
import io.earpiece.testcalls.RenderedCall;
import io.earpiece.stt.whisper.RandomGgmlModel;
import io.earpiece.stt.whisper.WhisperRecognizer;
import io.earpiece.stt.whisper.WhisperSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-file transcription of a rendered call with a fake recognizer and with a random-weight whisper. */
class BatchTranscriberIT {

    private static RenderedCall call;
    private final AudioDecoder decoder = new AudioDecoder(FfmpegTools.onPath(), DecoderSettings.defaults(),
            new MediaSniffer());
    private final Diarizer diarizer = new Diarizer(DiarizationSettings.defaults());

    @BeforeAll
    static void render() throws Exception {
        call = UploadFixtures.call();
    }

    /** Answers with the speaker and times, counting how many calls run at once. */
    private static final class EchoRecognizer implements SpeechRecognizer {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final List<Utterance> seen = new CopyOnWriteArrayList<>();

        @Override
        public String transcribe(Utterance u) {
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(20); // long enough for the pool's threads to overlap
                seen.add(u);
                if (u.index() == 1) {
                    throw new IllegalStateException("simulated recognizer failure");
                }
                return " " + u.party() + " " + u.startMs() + " ";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String describe() {
            return "echo";
        }
    }

    @Test
    void transcribesEveryTurnInParallelWithProgress() throws Exception {
        EchoRecognizer recognizer = new EchoRecognizer();
        BatchTranscriber transcriber = new BatchTranscriber(decoder, diarizer, recognizer,
                new BatchSettings(3, 25_000, BatchSettings.defaults().chunkVad()));
        List<Progress> progress = new CopyOnWriteArrayList<>();
        BatchTranscript t = transcriber.transcribe("job-1", UploadFixtures.file(call, "mp3"), progress::add);

        int referenceTurns = call.of("rep").size() + call.of("customer").size();
        assertThat(t.turns()).hasSize(referenceTurns);
        assertThat(t.utterances()).hasSameSizeAs(t.turns());
        assertThat(t.utterances()).extracting(TranscribedUtterance::speaker).containsOnly("Speaker 1", "Speaker 2");
        assertThat(t.utterances()).isSortedAccordingTo((a, b) -> Long.compare(a.startMs(), b.startMs()));
        assertThat(t.failedChunks()).isEqualTo(1);
        assertThat(t.utterances().get(1).text()).isEmpty();
        TranscribedUtterance first = t.utterances().get(0);
        assertThat(first.text()).isEqualTo(first.speaker() + " " + first.startMs());
        assertThat(recognizer.maxRunning.get()).isBetween(2, 3);
        assertThat(recognizer.seen).allSatisfy(u -> assertThat(u.samples().length)
                .isEqualTo((int) (u.endMs() - u.startMs()) * 16));

        assertThat(progress).extracting(Progress::stage).startsWith(TranscriptionStage.DECODING)
                .contains(TranscriptionStage.DIARIZING, TranscriptionStage.TRANSCRIBING);
        assertThat(progress.get(progress.size() - 1).percent()).isEqualTo(BatchTranscriber.TRANSCRIBED_PERCENT);
        assertThat(progress.get(progress.size() - 1).eta()).isPresent();
        assertThat(progress.stream().filter(p -> p.stage() != TranscriptionStage.TRANSCRIBING).map(Progress::percent))
                .isSorted();
    }

    @Test
    void stereoTurnsAreRecognisedFromTheirOwnChannel() throws Exception {
        EchoRecognizer recognizer = new EchoRecognizer();
        BatchTranscriber transcriber = new BatchTranscriber(decoder, diarizer, recognizer, BatchSettings.defaults());
        BatchTranscript t = transcriber.transcribe("job-2", UploadFixtures.file(call, "stereo.wav"),
                ProgressListener.none());
        assertThat(t.turns()).extracting(turn -> turn.channel() == 0 ? "Speaker 1" : "Speaker 2")
                .containsExactlyElementsOf(t.turns().stream().map(turn -> turn.speaker()).toList());
        assertThat(t.utterances()).hasSize(call.of("rep").size() + call.of("customer").size());
    }

    @Test
    void longTurnsAreCutAtPausesIntoChunksTheRecognizerTakes() throws Exception {
        EchoRecognizer recognizer = new EchoRecognizer();
        BatchTranscriber transcriber = new BatchTranscriber(decoder, diarizer, recognizer,
                new BatchSettings(2, 2_000, BatchSettings.defaults().chunkVad()));
        DecodedAudio audio = decoder.decode(UploadFixtures.file(call, "mono.wav"));
        List<TranscribedUtterance> out = transcriber.transcribeTurns("job-3", audio.channels(),
                List.of(new io.earpiece.diarize.SpeakerTurn("Speaker 1", 0, audio.durationMs())),
                ProgressListener.none());
        assertThat(out.size()).isGreaterThan(5);
        // a single pause-free phrase may exceed the target, but never the segmenter's own cap
        assertThat(out).allSatisfy(u -> assertThat(u.endMs() - u.startMs()).isLessThanOrEqualTo(25_000));
    }

    @Test
    void transcribesAShortFileWithARandomWeightWhisper() throws Exception {
        Path model = RandomGgmlModel.tinyEn().writeCached(Paths.get("target", "whisper-models"));
        Path clip = UploadFixtures.clip(UploadFixtures.file(call, "mono.wav"), 9.0, "nine-seconds.wav");
        try (WhisperRecognizer whisper = new WhisperRecognizer(new WhisperSettings(model, 1, 2, "en"))) {
            BatchTranscriber transcriber = new BatchTranscriber(decoder, diarizer, whisper, BatchSettings.defaults());
            BatchTranscript t = transcriber.transcribe("job-4", clip, ProgressListener.none());
            assertThat(t.utterances()).isNotEmpty();
            assertThat(t.failedChunks()).isZero();
            // random weights: meaningless words, but every chunk went through whisper.cpp and produced some
            assertThat(t.utterances()).allSatisfy(u -> assertThat(u.text()).isNotBlank());
        }
    }
}
