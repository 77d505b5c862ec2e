package io.earpiece.stt;

import io.earpiece.stt.vad.UtteranceSegmenter;
import io.earpiece.stt.vad.VadSettings;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/** Speech to text that cuts each party's stream into utterances and recognises each one as a final segment. */
public final class SegmentingSpeechToText implements SpeechToText {

    /** How long {@link TranscriptionSession#close()} waits for outstanding recognitions by default. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final VadSettings vadSettings;
    private final SpeechRecognizer recognizer;
    private final Executor executor;
    private final Duration closeTimeout;

    public SegmentingSpeechToText(VadSettings vadSettings, SpeechRecognizer recognizer, Executor executor) {
        this(vadSettings, recognizer, executor, DEFAULT_CLOSE_TIMEOUT);
    }

    public SegmentingSpeechToText(VadSettings vadSettings, SpeechRecognizer recognizer, Executor executor,
                                  Duration closeTimeout) {
        this.vadSettings = Objects.requireNonNull(vadSettings, "vadSettings");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
    }

    @Override
    public TranscriptionSession open(String callId, String party, SegmentListener listener) {
        return new SegmentingSession(callId, party, new UtteranceSegmenter(vadSettings), recognizer, executor,
                new OrderedSegmentDelivery(listener), closeTimeout);
    }
}
