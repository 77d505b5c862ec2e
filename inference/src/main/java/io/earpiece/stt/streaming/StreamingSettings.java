package io.earpiece.stt.streaming;

import io.earpiece.stt.vad.VadSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of streaming recognition.
 *
 * @param vad               utterance segmentation; its {@code maxUtteranceMs} is lowered to {@code maxSegmentMs}
 * @param partialIntervalMs new audio of an utterance in progress after which it is re-decoded for a partial
 * @param maxSegmentMs      longest segment: longer speech is split there and the next segment continues it
 * @param promptCarryOver   whether the party's previous final text is given to the recognizer as a prompt
 * @param maxPromptChars    how much of the previous final text (its end) the prompt keeps
 * @param closeTimeout      how long closing a session waits for its outstanding finals
 * @param speculativeDelayMs silence after speech before the utterance is decoded speculatively (as it will end if
 *                          the speaker stays silent); shorter pauses inside a sentence would waste that decode
 */
public record StreamingSettings(VadSettings vad, int partialIntervalMs, int maxSegmentMs, boolean promptCarryOver,
                                int maxPromptChars, Duration closeTimeout, int speculativeDelayMs) {

    /** Speculative decodes as soon as the VAD sees the speech's tail. */
    public StreamingSettings(VadSettings vad, int partialIntervalMs, int maxSegmentMs, boolean promptCarryOver,
                             int maxPromptChars, Duration closeTimeout) {
        this(vad, partialIntervalMs, maxSegmentMs, promptCarryOver, maxPromptChars, closeTimeout, 0);
    }

    public StreamingSettings {
        Objects.requireNonNull(vad, "vad");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (partialIntervalMs < 100) {
            throw new IllegalArgumentException("partialIntervalMs must be at least 100: " + partialIntervalMs);
        }
        if (speculativeDelayMs < 0) {
            throw new IllegalArgumentException("speculativeDelayMs must not be negative: " + speculativeDelayMs);
        }
        if (maxSegmentMs <= vad.minSpeechMs() || maxPromptChars < 0) {
            throw new IllegalArgumentException("maxSegmentMs must exceed the VAD's minSpeechMs, maxPromptChars must "
                    + "not be negative: " + maxSegmentMs + ", " + maxPromptChars);
        }
    }

    /** Silence after the last voiced frame that commits a live final by default; see {@link #defaults()}. */
    public static final int DEFAULT_COMMIT_PAUSE_MS = 300;

    /**
     * Partials every 700 ms, segments of at most 15 s, prompt carry-over of the last 200 characters, speculative
     * decodes as soon as the speech's tail (200 ms) is seen, and a final committed after a pause of
     * {@value #DEFAULT_COMMIT_PAUSE_MS} ms. A rep waits for the final from the speaker's last word, so the pause that
     * ends a segment is short: speech that goes on after it continues in the next segment (the audio is cut between
     * the two, so no word is lost or repeated). Recordings are segmented with the longer
     * {@link VadSettings#defaults()} hangover, where nobody waits.
     */
    public static StreamingSettings defaults() {
        VadSettings live = VadSettings.defaults();
        return new StreamingSettings(new VadSettings(live.thresholdDbfs(), live.minSpeechMs(), DEFAULT_COMMIT_PAUSE_MS,
                live.preRollMs(), 200, live.maxUtteranceMs()), 700, 15_000, true, 200, Duration.ofSeconds(60));
    }

    /**
     * The same settings with finals committed after {@code millis} ms of silence (the VAD's hangover); the tail of
     * audio kept after the last voiced frame is shortened to fit inside it.
     */
    public StreamingSettings withCommitPauseMs(int millis) {
        VadSettings v = new VadSettings(vad.thresholdDbfs(), vad.minSpeechMs(), millis, vad.preRollMs(),
                Math.min(vad.tailMs(), millis), vad.maxUtteranceMs());
        return new StreamingSettings(v, partialIntervalMs, maxSegmentMs, promptCarryOver, maxPromptChars, closeTimeout,
                speculativeDelayMs);
    }

    /** The same settings with partials every {@code millis} ms. */
    public StreamingSettings withPartialIntervalMs(int millis) {
        return new StreamingSettings(vad, millis, maxSegmentMs, promptCarryOver, maxPromptChars, closeTimeout,
                speculativeDelayMs);
    }

    /** The same settings with prompt carry-over switched on or off. */
    public StreamingSettings withPromptCarryOver(boolean on) {
        return new StreamingSettings(vad, partialIntervalMs, maxSegmentMs, on, maxPromptChars, closeTimeout,
                speculativeDelayMs);
    }

    /**
     * The same settings with prompts of at most {@code chars} characters: every prompt token is decoded with each
     * utterance, so a long prompt can cost more than the utterance's own words.
     */
    public StreamingSettings withMaxPromptChars(int chars) {
        return new StreamingSettings(vad, partialIntervalMs, maxSegmentMs, promptCarryOver, chars, closeTimeout,
                speculativeDelayMs);
    }

    /** The same settings with speculative decodes after {@code millis} ms of silence. */
    public StreamingSettings withSpeculativeDelayMs(int millis) {
        return new StreamingSettings(vad, partialIntervalMs, maxSegmentMs, promptCarryOver, maxPromptChars, closeTimeout,
                millis);
    }

    /** The VAD settings the segmenter runs with: the configured ones, cut at {@code maxSegmentMs}. */
    VadSettings segmenterSettings() {
        if (vad.maxUtteranceMs() <= maxSegmentMs) {
            return vad;
        }
        return new VadSettings(vad.thresholdDbfs(), vad.minSpeechMs(), vad.hangoverMs(), vad.preRollMs(),
                vad.tailMs(), maxSegmentMs);
    }
}
