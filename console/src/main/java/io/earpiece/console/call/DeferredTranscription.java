package io.earpiece.console.call;

import io.earpiece.console.config.EarpieceProperties;
import io.earpiece.console.config.SpeechConfiguration;
import io.earpiece.console.events.CallEventBus;
import io.earpiece.console.events.CallStateEvent;
import io.earpiece.db.call.CallTranscription;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.diarize.Diarizer;
import io.earpiece.diarize.SpeakerTurn;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.scheduling.BackgroundRecognizer;
import io.earpiece.stt.scheduling.RecognitionScheduler;
import io.earpiece.upload.BatchSettings;
import io.earpiece.upload.BatchTranscriber;
import io.earpiece.upload.TranscribedUtterance;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Transcribes and analyses deferred calls after their hang-up, one at a time, with the upload path's batch
 * transcriber over each party's recording (one speaker per recording), through the same {@link SegmentRecorder} as
 * live segments; then the after-call work (summary, exports) runs as for any call. Its decodes go through the live
 * decode workers as background work ({@link BackgroundRecognizer}), so they wait while the live calls need the
 * workers, for at most {@code earpiece.live.after-call-yield} after the hang-up. A call still deferred at start-up
 * (a restart came between its hang-up and its transcript) is picked up again.
 */
@Component
public class DeferredTranscription {

    private static final Logger log = LoggerFactory.getLogger(DeferredTranscription.class);
    private static final int SAMPLE_RATE = 16_000;

    private final SpeechConfiguration.SpeechRecognizerHolder speech;
    private final Diarizer diarizer;
    private final BatchSettings settings;
    private final PartyRepository parties;
    private final CallStore store;
    private final SegmentRecorder recorder;
    private final CallEventBus bus;
    private final LiveAdmission admission;
    private final RecognitionScheduler scheduler;
    private final Duration yieldFor;
    // one call at a time, in order of hang-up; its decodes yield to the live calls in the scheduler
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deferred-transcription");
        t.setDaemon(true);
        return t;
    });

    public DeferredTranscription(SpeechConfiguration.SpeechRecognizerHolder speech, Diarizer diarizer,
                                 BatchSettings settings, PartyRepository parties, CallStore store,
                                 SegmentRecorder recorder, CallEventBus bus, LiveAdmission admission,
                                 RecognitionScheduler scheduler, EarpieceProperties properties) {
        this.speech = speech;
        this.diarizer = diarizer;
        this.settings = settings;
        this.parties = parties;
        this.store = store;
        this.recorder = recorder;
        this.bus = bus;
        this.admission = admission;
        this.scheduler = scheduler;
        this.yieldFor = properties.live().afterCallYield();
    }

    /** Queues an ended deferred call; {@code afterCall} runs once its transcript is stored (or could not be). */
    public void submit(String callId, Runnable afterCall) {
        long yieldUntil = System.nanoTime() + yieldFor.toNanos(); // from the hang-up, however long the queue
        worker.execute(() -> {
            try {
                transcribe(callId, yieldUntil);
            } finally {
                admission.deferredDone();
                afterCall.run();
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterRestart() {
        for (String callId : store.deferredAndEnded()) {
            log.info("call {} was deferred and has no transcript yet: transcribing it now", callId);
            admission.deferredPending();
            submit(callId, () -> { });
        }
    }

    private void transcribe(String callId, long yieldUntilNanos) {
        SpeechRecognizer live = speech.recognizer();
        if (live == null) {
            log.warn("call {}: no Whisper model is loaded, so its deferred transcript cannot be made", callId);
            store.transcription(callId, CallTranscription.FAILED);
            return;
        }
        SpeechRecognizer recognizer = new BackgroundRecognizer(live, scheduler, yieldUntilNanos);
        try {
            List<TranscriptSegment> segments = new ArrayList<>();
            BatchTranscriber transcriber = new BatchTranscriber(diarizer, recognizer, settings);
            for (PartyEntity party : parties.findByCallIdOrderByIdAsc(callId)) {
                if (party.getRecordingPath() == null || !Files.isRegularFile(Path.of(party.getRecordingPath()))) {
                    continue;
                }
                short[] pcm = readWav(Path.of(party.getRecordingPath()));
                List<short[]> channels = List.of(pcm);
                // one speaker per recording: its turns carry the party's label, as live utterances do
                List<SpeakerTurn> turns = diarizer.diarizeChannels(channels).stream()
                        .map(t -> new SpeakerTurn(party.getParty(), t.startMs(), t.endMs(), t.channel())).toList();
                int index = 0;
                for (TranscribedUtterance u : transcriber.transcribeTurns(callId, channels, turns, p -> { })) {
                    if (!u.text().isBlank()) {
                        segments.add(new TranscriptSegment(callId, party.getParty(), index++, u.startMs(), u.endMs(),
                                u.text(), true));
                    }
                }
            }
            // in the order they were said, as live segments reach the assist engine
            segments.sort(Comparator.comparingLong(TranscriptSegment::startMs));
            for (TranscriptSegment s : segments) {
                recorder.record(s, s.party()).events().forEach(bus::publish);
            }
            store.transcription(callId, CallTranscription.AFTER_CALL);
            bus.publish(new CallStateEvent(callId, "transcribed", null));
            log.info("call {}: deferred transcript stored ({} segments)", callId, segments.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | UnsupportedAudioFileException | RuntimeException e) {
            log.error("call {}: after-call transcription failed", callId, e);
            store.transcription(callId, CallTranscription.FAILED);
        }
    }

    /** A recording as 16 kHz PCM16 mono samples (what the media server writes). */
    static short[] readWav(Path file) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            var format = in.getFormat();
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16
                    || Math.round(format.getSampleRate()) != SAMPLE_RATE) {
                throw new UnsupportedAudioFileException("not 16 kHz PCM16 mono: " + format);
            }
            byte[] bytes = in.readAllBytes();
            short[] out = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(out);
            return out;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // a call cut off here stays DEFERRED and is picked up at the next start
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
