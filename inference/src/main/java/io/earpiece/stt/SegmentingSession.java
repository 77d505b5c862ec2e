package io.earpiece.stt;

import io.earpiece.stt.vad.DetectedSpeech;
import io.earpiece.stt.vad.FrameAssembler;
import io.earpiece.stt.vad.UtteranceSegmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** One party's session: re-frames audio into 20 ms frames, segments it, and recognises utterances off-thread. */
final class SegmentingSession implements TranscriptionSession {

    private static final Logger log = LoggerFactory.getLogger(SegmentingSession.class);
    private final String callId;
    private final String party;
    private final UtteranceSegmenter segmenter;
    private final SpeechRecognizer recognizer;
    private final Executor executor;
    private final OrderedSegmentDelivery delivery;
    private final Duration closeTimeout;

    private final FrameAssembler frames = new FrameAssembler(this::feed);
    private int submitted;
    private boolean closed;

    SegmentingSession(String callId, String party, UtteranceSegmenter segmenter, SpeechRecognizer recognizer,
                      Executor executor, OrderedSegmentDelivery delivery, Duration closeTimeout) {
        this.callId = callId;
        this.party = party;
        this.segmenter = segmenter;
        this.recognizer = recognizer;
        this.executor = executor;
        this.delivery = delivery;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public synchronized void accept(long mediaTimeMs, short[] samples) {
        if (closed) {
            log.debug("{}/{}: audio after close ignored", callId, party);
            return;
        }
        frames.accept(mediaTimeMs, samples);
    }

    @Override
    public void close() {
        int expected;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            frames.flush();
            segmenter.flush().ifPresent(this::recognise);
            expected = submitted;
        }
        try {
            if (!delivery.awaitDelivered(expected, closeTimeout)) {
                log.warn("{}/{}: closed with recognitions still running after {}", callId, party, closeTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{}/{}: interrupted while waiting for recognitions", callId, party);
        }
    }

    private void feed(long timeMs, short[] frame) {
        segmenter.accept(timeMs, frame).ifPresent(this::recognise);
    }

    private void recognise(DetectedSpeech speech) {
        int index = submitted++;
        Utterance utterance = new Utterance(callId, party, index, speech.startMs(), speech.endMs(),
                toFloat(speech.samples()));
        try {
            executor.execute(() -> deliver(utterance, transcribe(utterance)));
        } catch (RejectedExecutionException e) {
            log.warn("{}/{} #{}: recognizer executor rejected the utterance; delivering it without text",
                    callId, party, index, e);
            deliver(utterance, "");
        }
    }

    private String transcribe(Utterance utterance) {
        try {
            String text = recognizer.transcribe(utterance);
            return text == null ? "" : text.strip();
        } catch (RuntimeException | LinkageError e) {
            log.error("{}/{} #{}: recognition failed ({}); delivering the segment without text",
                    callId, party, utterance.index(), recognizer.describe(), e);
            return "";
        }
    }

    private void deliver(Utterance utterance, String text) {
        delivery.complete(new TranscriptSegment(callId, party, utterance.index(), utterance.startMs(),
                utterance.endMs(), text, true));
    }

    private static float[] toFloat(short[] pcm) {
        float[] out = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = pcm[i] / 32768f;
        }
        return out;
    }
}
