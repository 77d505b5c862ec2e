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
 */
public record StreamingSettings(VadSettings vad, int partialIntervalMs, int maxSegmentMs, boolean promptCarryOver,
                                int maxPromptChars, Duration closeTimeout) {

    public StreamingSettings {
        Objects.requireNonNull(vad, "vad");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (partialIntervalMs < 100) {
            throw new IllegalArgumentException("partialIntervalMs must be at least 100: " + partialIntervalMs);
        }
        if (maxSegmentMs <= vad.minSpeechMs() || maxPromptChars < 0) {
            throw new IllegalArgumentException("maxSegmentMs must exceed the VAD's minSpeechMs, maxPromptChars must "
                    + "not be negative: " + maxSegmentMs + ", " + maxPromptChars);
        }
    }

    /** Partials every 700 ms, segments of at most 15 s, prompt carry-over of the last 200 characters. */
    public static StreamingSettings defaults() {
        return new StreamingSettings(VadSettings.defaults(), 700, 15_000, true, 200, Duration.ofSeconds(60));
    }

    /** The same settings with partials every {@code millis} ms. */
    public StreamingSettings withPartialIntervalMs(int millis) {
        return new StreamingSettings(vad, millis, maxSegmentMs, promptCarryOver, maxPromptChars, closeTimeout);
    }

    /** The same settings with prompt carry-over switched on or off. */
    public StreamingSettings withPromptCarryOver(boolean on) {
        return new StreamingSettings(vad, partialIntervalMs, maxSegmentMs, on, maxPromptChars, closeTimeout);
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
