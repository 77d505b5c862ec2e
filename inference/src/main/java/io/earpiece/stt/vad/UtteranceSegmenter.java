package io.earpiece.stt.vad;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Splits one party's 16 kHz PCM16 stream, fed as 20 ms frames in media-time order, into utterances by frame energy.
 * It keeps no clock of its own, so the same input always gives the same utterances; not thread-safe.
 */
public final class UtteranceSegmenter {

    /** Samples per millisecond at 16 kHz. */
    private static final int SAMPLES_PER_MS = 16;
    private static final double FULL_SCALE = 32768.0;

    private enum State { SILENT, STARTING, SPEAKING }

    private record Frame(long timeMs, short[] samples, boolean voiced) {
        long endMs() {
            return timeMs + samples.length / SAMPLES_PER_MS;
        }
    }

    private final VadSettings settings;
    private final double thresholdRms;
    /** While silent: the pre-roll; otherwise every frame since the pre-roll of the current utterance. */
    private final Deque<Frame> frames = new ArrayDeque<>();
    private State state = State.SILENT;
    private long speechStartMs;
    private long voicedRunMs;
    private long lastVoicedEndMs;

    public UtteranceSegmenter(VadSettings settings) {
        this.settings = settings;
        this.thresholdRms = FULL_SCALE * Math.pow(10.0, settings.thresholdDbfs() / 20.0);
    }

    /**
     * Takes the next frame (normally 320 samples) starting at {@code mediaTimeMs}; returns the utterance that this
     * frame completed, if any. A jump forward in media time counts as silence.
     */
    public Optional<DetectedSpeech> accept(long mediaTimeMs, short[] frame) {
        if (frame.length == 0) {
            return Optional.empty();
        }
        Frame f = new Frame(mediaTimeMs, frame.clone(), rms(frame) >= thresholdRms);
        DetectedSpeech finished = null;
        if (state == State.SPEAKING && f.timeMs() - lastVoicedEndMs >= settings.hangoverMs()) {
            finished = finish();
        }
        switch (state) {
            case SILENT -> {
                frames.addLast(f);
                if (f.voiced()) {
                    state = State.STARTING;
                    speechStartMs = f.timeMs();
                    voicedRunMs = f.endMs() - f.timeMs();
                    lastVoicedEndMs = f.endMs();
                    promoteIfLongEnough();
                } else {
                    trimPreRoll(f.endMs());
                }
            }
            case STARTING -> {
                frames.addLast(f);
                if (f.voiced() && f.timeMs() <= lastVoicedEndMs) {
                    voicedRunMs += f.endMs() - f.timeMs();
                    lastVoicedEndMs = f.endMs();
                    promoteIfLongEnough();
                } else {
                    // too short to be speech: a click or a burst of noise
                    state = State.SILENT;
                    if (f.voiced()) {
                        // a jump in media time: the voiced frame after it may start real speech
                        restartWith(f);
                    } else {
                        trimPreRoll(f.endMs());
                    }
                }
            }
            case SPEAKING -> {
                frames.addLast(f);
                if (f.voiced()) {
                    lastVoicedEndMs = f.endMs();
                }
                if (finished == null && lastVoicedEndMs - speechStartMs >= settings.maxUtteranceMs()) {
                    finished = finish();
                }
            }
        }
        return Optional.ofNullable(finished);
    }

    /** Whether an utterance is in progress (speech has started and not yet ended). */
    public boolean speaking() {
        return state == State.SPEAKING;
    }

    /** Media time the utterance in progress started; meaningful only while {@link #speaking()}. */
    public long speechStartMs() {
        return speechStartMs;
    }

    /**
     * The utterance in progress so far (pre-roll up to the latest frame), for provisional recognition; empty unless
     * speech has started. Its {@code endMs} is the end of the latest frame.
     */
    public Optional<DetectedSpeech> inProgress() {
        if (state != State.SPEAKING || frames.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(speechUpTo(frames.peekLast().endMs()));
    }

    /**
     * The utterance exactly as it will be returned if no more speech comes before the hangover runs out; empty
     * unless speech is in progress and its tail after the last voiced frame has been seen. A recognizer can start on
     * it while the hangover runs, so the final is ready when the end of speech is declared.
     */
    public Optional<DetectedSpeech> pendingEnd() {
        long endMs = pendingEndMs();
        return endMs < 0 ? Optional.empty() : Optional.of(speechUpTo(endMs));
    }

    /** The end {@link #pendingEnd()} would give, or -1 when it would give none; cheap, copies no audio. */
    public long pendingEndMs() {
        if (state != State.SPEAKING || frames.isEmpty()
                || frames.peekLast().endMs() < lastVoicedEndMs + settings.tailMs()) {
            return -1;
        }
        return lastVoicedEndMs + settings.tailMs();
    }

    private DetectedSpeech speechUpTo(long endMs) {
        long audioStartMs = Math.max(speechStartMs - settings.preRollMs(), frames.isEmpty() ? speechStartMs
                : frames.peekFirst().timeMs());
        short[] pcm = new short[(int) ((endMs - audioStartMs) * SAMPLES_PER_MS)];
        for (Frame f : frames) {
            if (f.endMs() > audioStartMs && f.timeMs() < endMs) {
                copyOverlap(f, audioStartMs, endMs, pcm);
            }
        }
        return new DetectedSpeech(speechStartMs, endMs, audioStartMs, pcm);
    }

    /** Ends the stream: speech in progress becomes the last utterance. */
    public Optional<DetectedSpeech> flush() {
        DetectedSpeech last = state == State.SPEAKING ? finish() : null;
        frames.clear();
        state = State.SILENT;
        return Optional.ofNullable(last);
    }

    private void restartWith(Frame f) {
        frames.removeLast();
        trimPreRoll(f.timeMs());
        frames.addLast(f);
        state = State.STARTING;
        speechStartMs = f.timeMs();
        voicedRunMs = f.endMs() - f.timeMs();
        lastVoicedEndMs = f.endMs();
        promoteIfLongEnough();
    }

    private void promoteIfLongEnough() {
        if (voicedRunMs >= settings.minSpeechMs()) {
            state = State.SPEAKING;
        }
    }

    private void trimPreRoll(long nowMs) {
        while (!frames.isEmpty() && frames.peekFirst().timeMs() < nowMs - settings.preRollMs()) {
            frames.removeFirst();
        }
    }

    private DetectedSpeech finish() {
        long audioEnd = frames.isEmpty() ? lastVoicedEndMs : frames.peekLast().endMs();
        long endMs = Math.min(lastVoicedEndMs + settings.tailMs(), audioEnd);
        DetectedSpeech speech = speechUpTo(endMs);
        List<Frame> rest = new ArrayList<>();
        for (Frame f : frames) {
            if (f.endMs() > endMs) {
                rest.add(f);
            }
        }
        frames.clear();
        state = State.SILENT;
        // frames after the cut are the pre-roll of whatever comes next
        for (Frame f : rest) {
            frames.addLast(f);
        }
        if (!rest.isEmpty()) {
            trimPreRoll(rest.get(rest.size() - 1).endMs());
        }
        return speech;
    }

    private static void copyOverlap(Frame f, long fromMs, long toMs, short[] pcm) {
        long from = Math.max(f.timeMs(), fromMs);
        long to = Math.min(f.endMs(), toMs);
        int srcOffset = (int) ((from - f.timeMs()) * SAMPLES_PER_MS);
        int dstOffset = (int) ((from - fromMs) * SAMPLES_PER_MS);
        int length = (int) ((to - from) * SAMPLES_PER_MS);
        System.arraycopy(f.samples(), srcOffset, pcm, dstOffset, Math.min(length, f.samples().length - srcOffset));
    }

    static double rms(short[] frame) {
        double sum = 0;
        for (short s : frame) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / frame.length);
    }
}
