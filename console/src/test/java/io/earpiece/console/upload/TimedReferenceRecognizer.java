package io.earpiece.console.upload;

import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;

import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Test-only recognizer for whole recordings: returns the reference utterances whose middle falls inside the
 * chunk it is given, so upload tests check decoding, diarization and plumbing without Whisper weights. An
 * optional delay per chunk makes a job slow; a hold keeps every chunk waiting, so a test can act on a job that is
 * surely mid-transcription.
 */
class TimedReferenceRecognizer implements SpeechRecognizer {

    private volatile ReferenceTranscript reference;
    private volatile long delayMs;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    void use(ReferenceTranscript reference) {
        this.reference = reference;
    }

    void delay(long ms) {
        this.delayMs = ms;
    }

    /** Chunks wait from now until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    @Override
    public String transcribe(Utterance utterance) {
        try {
            hold.await();
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
        ReferenceTranscript ref = reference;
        if (ref == null) {
            return "";
        }
        return ref.utterances().stream().filter(u -> {
            double middleMs = (u.start() + u.end()) * 500;
            return middleMs >= utterance.startMs() && middleMs < utterance.endMs();
        }).map(ReferenceTranscript.Utterance::text).collect(Collectors.joining(" "));
    }

    @Override
    public String describe() {
        return "reference text by time (test only)";
    }
}
