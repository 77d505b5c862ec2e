package io.earpiece.stt.streaming;

import io.earpiece.stt.RecognitionHints;
import io.earpiece.stt.SegmentListener;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.TranscriptionSession;
import io.earpiece.stt.Utterance;
import io.earpiece.stt.vad.DetectedSpeech;
import io.earpiece.stt.vad.FrameAssembler;
import io.earpiece.stt.vad.UtteranceSegmenter;
import io.earpiece.stt.scheduling.Priority;
import io.earpiece.stt.scheduling.RecognitionScheduler;
import io.earpiece.stt.scheduling.RecognitionTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One party's streaming recognition: segments the audio, re-decodes the utterance in progress for partials (at most
 * one partial decode of the party queued or running at a time, so partials thin out under load instead of piling
 * up), and decodes each finished utterance for its final. The final decode starts speculatively as soon as the
 * utterance's tail has passed in silence: if no speech resumes during the VAD's hangover, that decode (of exactly
 * the final's audio) becomes the final, which is then ready when the end of speech is declared. Listeners may be
 * called from the thread that feeds audio, so they must be quick.
 */
final class StreamingSession implements TranscriptionSession {

    private static final Logger log = LoggerFactory.getLogger(StreamingSession.class);

    /** The utterance that a partial or final decode belongs to. */
    private static final class Current {
        final int index;
        final LocalAgreement agreement = new LocalAgreement();
        boolean finalSubmitted;
        String lastPartialText = "";
        /** Ensures exactly one of the speculative and the final decode delivers the final. */
        final AtomicBoolean finalDone = new AtomicBoolean();
        long speculativeEndMs = -1;
        String speculativeText;
        /** Set when the final matched a speculative decode still running, which then delivers it. */
        Utterance finalUtterance;
        /** End of the speculative decode running now, -1 when none runs: the final then leaves the work to it. */
        long speculativeRunningEndMs = -1;
        long endOfSpeechNanos;

        Current(int index) {
            this.index = index;
        }
    }

    private final String callId;
    private final String party;
    private final long callOrder;
    private final StreamingSettings settings;
    private final UtteranceSegmenter segmenter;
    private final SpeechRecognizer recognizer;
    private final RecognitionScheduler scheduler;
    private final SegmentStream stream;
    private final FrameAssembler frames = new FrameAssembler(this::feed);

    private Current current = new Current(0);
    /** Set by the feeding thread, cleared by whichever thread ends the partial decode; never under a lock, since
     * the scheduler may run the drop handler while another session holds its own lock. */
    private volatile boolean partialPending;
    /** Wall time of the party's latest partial decode: partials come no more often than every two of them. */
    private volatile long lastPartialDecodeMs;
    private long partialDueMs = Long.MIN_VALUE;
    private long trackedStartMs = Long.MIN_VALUE;
    private volatile String previousFinalText = "";
    private boolean closed;

    StreamingSession(String callId, String party, long callOrder, StreamingSettings settings,
                     SpeechRecognizer recognizer, RecognitionScheduler scheduler, SegmentListener listener) {
        this.callId = callId;
        this.party = party;
        this.callOrder = callOrder;
        this.settings = settings;
        this.segmenter = new UtteranceSegmenter(settings.segmenterSettings());
        this.recognizer = recognizer;
        this.scheduler = scheduler;
        this.stream = new SegmentStream(listener, this::finalDelivered);
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
            segmenter.flush().ifPresent(this::submitFinal);
            expected = current.index;
        }
        try {
            if (!stream.awaitFinals(expected, settings.closeTimeout())) {
                log.warn("{}/{}: closed with finals still being decoded after {}", callId, party,
                        settings.closeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{}/{}: interrupted while waiting for finals", callId, party);
        }
    }

    private void feed(long timeMs, short[] frame) {
        var finished = segmenter.accept(timeMs, frame);
        if (finished.isPresent()) {
            submitFinal(finished.get());
        }
        if (!segmenter.speaking()) {
            return;
        }
        long pendingEnd = segmenter.pendingEndMs();
        long frameEnd = timeMs + frame.length / 16;
        if (pendingEnd >= 0) {
            if (pendingEnd != current.speculativeEndMs && frameEnd - pendingEnd >= settings.speculativeDelayMs()) {
                segmenter.pendingEnd().ifPresent(this::submitSpeculative);
            }
            return; // the speaker paused: a partial would add nothing and delay the speculative final
        }
        long start = segmenter.speechStartMs();
        if (start != trackedStartMs) {
            trackedStartMs = start;
            partialDueMs = start + settings.partialIntervalMs();
        }
        if (!partialPending && frameEnd >= partialDueMs) {
            segmenter.inProgress().ifPresent(this::submitPartial);
        }
    }

    private void submitFinal(DetectedSpeech speech) {
        Current target = current;
        target.finalSubmitted = true;
        current = new Current(target.index + 1);
        trackedStartMs = Long.MIN_VALUE;
        long endOfSpeechNanos = System.nanoTime();
        Utterance utterance = new Utterance(callId, party, target.index, speech.startMs(), speech.endMs(),
                toFloat(speech.samples()));
        if (target.speculativeEndMs == speech.endMs()) {
            if (target.speculativeText != null && target.finalDone.compareAndSet(false, true)) {
                deliverFinal(target, utterance, target.speculativeText, endOfSpeechNanos);
                return;
            }
            target.finalUtterance = utterance;
            target.endOfSpeechNanos = endOfSpeechNanos;
        }
        RecognitionTask task = new RecognitionTask(Priority.FINAL, callOrder, callId, audioMs(speech),
                () -> decodeFinal(target, utterance, endOfSpeechNanos), null);
        if (!scheduler.submit(task)) {
            log.warn("{}/{} #{}: recognition scheduler is closed; delivering the segment without text", callId, party,
                    target.index);
            deliverFinal(target, utterance, "", endOfSpeechNanos);
        }
    }

    private void submitSpeculative(DetectedSpeech speech) {
        Current target = current;
        long endMs = speech.endMs();
        target.speculativeEndMs = endMs;
        target.speculativeText = null;
        Utterance utterance = new Utterance(callId, party, target.index, speech.startMs(), endMs,
                toFloat(speech.samples()));
        // when dropped or refused, the final decodes the audio itself
        scheduler.submit(new RecognitionTask(Priority.SPECULATIVE, callOrder, callId, audioMs(speech),
                () -> decodeSpeculative(target, utterance), null));
    }

    private void decodeSpeculative(Current target, Utterance utterance) {
        synchronized (this) {
            if (target.finalDone.get() || target.speculativeEndMs != utterance.endMs()) {
                return; // the final was decoded already, or speech resumed
            }
            target.speculativeRunningEndMs = utterance.endMs();
        }
        String text = recognise(utterance, false);
        Utterance finished;
        long endOfSpeechNanos;
        synchronized (this) {
            target.speculativeRunningEndMs = -1;
            if (target.speculativeEndMs != utterance.endMs()) {
                return;
            }
            target.speculativeText = text;
            finished = target.finalUtterance;
            endOfSpeechNanos = target.endOfSpeechNanos;
            if (finished == null || !target.finalDone.compareAndSet(false, true)) {
                return;
            }
        }
        deliverFinal(target, finished, text, endOfSpeechNanos);
    }

    private void submitPartial(DetectedSpeech speech) {
        Current target = current;
        partialPending = true;
        // a slow decoder (big model, loaded machine) gets partials less often instead of a queue full of them
        partialDueMs = speech.endMs() + Math.max(settings.partialIntervalMs(), 2 * lastPartialDecodeMs);
        Utterance utterance = new Utterance(callId, party, target.index, speech.startMs(), speech.endMs(),
                toFloat(speech.samples()));
        RecognitionTask task = new RecognitionTask(Priority.PARTIAL, callOrder, callId, audioMs(speech),
                () -> decodePartial(target, utterance), this::partialDone);
        if (!scheduler.submit(task)) {
            partialDone();
        }
    }

    private void partialDone() {
        partialPending = false;
    }

    private void decodePartial(Current target, Utterance utterance) {
        try {
            synchronized (this) {
                if (target.finalSubmitted) {
                    return; // the final decode covers this audio now
                }
            }
            long started = System.nanoTime();
            String text = recognise(utterance, true);
            lastPartialDecodeMs = (System.nanoTime() - started) / 1_000_000;
            List<String> words;
            int stable;
            synchronized (this) {
                if (target.finalSubmitted) {
                    return;
                }
                words = target.agreement.update(Words.split(text));
                stable = target.agreement.committedCount();
                String joined = Words.join(words);
                if (joined.isEmpty() || joined.equals(target.lastPartialText)) {
                    return;
                }
                target.lastPartialText = joined;
            }
            stream.partial(new TranscriptSegment(callId, party, target.index, utterance.startMs(), utterance.endMs(),
                    Words.join(words), false, stable,
                    WordTimings.spread(words, utterance.startMs(), utterance.endMs())));
        } finally {
            partialDone();
        }
    }

    private void decodeFinal(Current target, Utterance utterance, long endOfSpeechNanos) {
        synchronized (this) {
            // with several workers the speculative decode of this very audio may be running on another one: it
            // delivers the final when it ends (finalUtterance is set), so decoding it twice would only cost a worker
            if (target.speculativeRunningEndMs == utterance.endMs() && target.finalUtterance == utterance) {
                return;
            }
        }
        if (!target.finalDone.compareAndSet(false, true)) {
            return; // the speculative decode of the same audio delivered it
        }
        deliverFinal(target, utterance, recognise(utterance, false), endOfSpeechNanos);
    }

    private void deliverFinal(Current target, Utterance utterance, String text, long endOfSpeechNanos) {
        List<String> words;
        synchronized (this) {
            words = target.agreement.finish(Words.split(text));
        }
        TranscriptSegment segment = new TranscriptSegment(callId, party, target.index, utterance.startMs(),
                utterance.endMs(), Words.join(words), true, words.size(),
                WordTimings.spread(words, utterance.startMs(), utterance.endMs()));
        // Counted before delivery: close() returns once the segment is delivered, and must find it counted.
        scheduler.metrics().onFinalDelivered(callId, party, target.index, System.nanoTime() - endOfSpeechNanos);
        stream.complete(segment);
    }

    private void finalDelivered(TranscriptSegment segment) {
        // runs under the stream's lock: must not take the session's
        if (!segment.text().isEmpty()) {
            previousFinalText = segment.text();
        }
    }

    private String recognise(Utterance utterance, boolean partial) {
        String prompt = "";
        if (settings.promptCarryOver()) {
            prompt = previousFinalText;
            if (prompt.length() > settings.maxPromptChars()) {
                int cut = prompt.length() - settings.maxPromptChars();
                boolean midWord = !Character.isWhitespace(prompt.charAt(cut - 1));
                prompt = prompt.substring(cut);
                if (midWord) {
                    // a word cut in two would prompt with tokens nobody said
                    int space = prompt.indexOf(' ');
                    prompt = space >= 0 ? prompt.substring(space + 1) : "";
                }
            }
        }
        try {
            String text = recognizer.transcribe(utterance, new RecognitionHints(prompt, partial));
            return text == null ? "" : text.strip();
        } catch (RuntimeException | LinkageError e) {
            if (partial) {
                // the final decode of the same audio follows and logs a persistent failure in full
                log.warn("{}/{} #{}: partial recognition failed ({}): {}", callId, party, utterance.index(),
                        recognizer.describe(), e.toString());
            } else {
                log.error("{}/{} #{}: recognition failed ({}); delivering the segment without text", callId, party,
                        utterance.index(), recognizer.describe(), e);
            }
            return "";
        }
    }

    private static long audioMs(DetectedSpeech speech) {
        return speech.endMs() - speech.audioStartMs();
    }

    private static float[] toFloat(short[] pcm) {
        float[] out = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = pcm[i] / 32768f;
        }
        return out;
    }
}
