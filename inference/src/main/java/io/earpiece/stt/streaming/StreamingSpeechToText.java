package io.earpiece.stt.streaming;

import io.earpiece.stt.SegmentListener;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.SpeechToText;
import io.earpiece.stt.TranscriptionSession;
import io.earpiece.stt.scheduling.RecognitionScheduler;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-time speech to text: per party, partial segments (same index as the coming final, never contradicting their
 * committed words) while an utterance is in progress, and a final segment when it ends. Decodes run on a shared
 * {@link RecognitionScheduler}; sessions opened earlier are served first.
 */
public final class StreamingSpeechToText implements SpeechToText {

    private final StreamingSettings settings;
    private final SpeechRecognizer recognizer;
    private final RecognitionScheduler scheduler;
    private final AtomicLong opened = new AtomicLong();

    public StreamingSpeechToText(StreamingSettings settings, SpeechRecognizer recognizer,
                                 RecognitionScheduler scheduler) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public TranscriptionSession open(String callId, String party, SegmentListener listener) {
        return new StreamingSession(callId, party, opened.getAndIncrement(), settings, recognizer, scheduler, listener);
    }
}
