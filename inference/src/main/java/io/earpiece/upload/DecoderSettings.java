package io.earpiece.upload;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on what the {@link AudioDecoder} accepts.
 *
 * @param maxBytes    largest file accepted
 * @param maxDuration longest recording accepted
 * @param minDuration shortest recording worth transcribing
 * @param timeout     longest time one ffprobe or ffmpeg run may take
 * @param maxChannels channels kept separately (one speaker each); files with more are mixed to mono
 */
public record DecoderSettings(long maxBytes, Duration maxDuration, Duration minDuration, Duration timeout,
                              int maxChannels) {

    public DecoderSettings {
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(timeout, "timeout");
        if (maxBytes <= 0 || minDuration.isNegative() || maxDuration.compareTo(minDuration) <= 0
                || timeout.isNegative() || timeout.isZero() || maxChannels < 1) {
            throw new IllegalArgumentException("bad decoder settings: " + maxBytes + " bytes, " + minDuration + ".."
                    + maxDuration + ", timeout " + timeout + ", channels " + maxChannels);
        }
    }

    /** 500 MB, 1 s to 4 h, 10 minutes per tool run, up to 2 channels. */
    public static DecoderSettings defaults() {
        return new DecoderSettings(500L * 1024 * 1024, Duration.ofHours(4), Duration.ofSeconds(1),
                Duration.ofMinutes(10), 2);
    }
}
