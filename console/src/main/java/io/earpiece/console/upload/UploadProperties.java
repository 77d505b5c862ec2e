package io.earpiece.console.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Uploaded recordings, bound from {@code earpiece.uploads.*}.
 *
 * @param maxSize        largest file accepted (multipart or resumable); larger ones get 413
 * @param maxDuration    longest recording accepted; longer ones get 413
 * @param minDuration    shortest recording worth transcribing; shorter ones get 422
 * @param threads        chunks of one recording recognised at the same time
 * @param jobs           recordings transcribed at the same time (further jobs queue)
 * @param maxChunk       longest piece of a speaker turn handed to the recognizer at once
 * @param toolTimeout    longest one ffprobe/ffmpeg run may take
 * @param ffmpegDir      folder holding ffmpeg and ffprobe; empty means the ones on {@code PATH}
 * @param watchDir       folder whose new files are uploaded automatically; empty turns watching off
 * @param watchInterval  how often the watched folder is listed
 * @param claimLease     how long a node's claim on a job holds unless renewed (it is renewed every third of it
 *                       while the job is queued or running there); a job whose node died waits this long before
 *                       another node of a cluster runs it
 * @param claimInterval  how often a node with a free job slot looks for jobs nobody holds (received while every
 *                       slot was busy, or left by a node that died)
 */
@ConfigurationProperties("earpiece.uploads")
public record UploadProperties(
        @DefaultValue("500MB") DataSize maxSize,
        @DefaultValue("4h") Duration maxDuration,
        @DefaultValue("1s") Duration minDuration,
        @DefaultValue("2") int threads,
        @DefaultValue("1") int jobs,
        @DefaultValue("25s") Duration maxChunk,
        @DefaultValue("10m") Duration toolTimeout,
        @DefaultValue("") String ffmpegDir,
        @DefaultValue("") String watchDir,
        @DefaultValue("2s") Duration watchInterval,
        @DefaultValue("30s") Duration claimLease,
        @DefaultValue("2s") Duration claimInterval) {

    public long maxBytes() {
        return maxSize.toBytes();
    }

    /** The watched folder, when one is configured. */
    public Optional<Path> watchFolder() {
        return watchDir.isBlank() ? Optional.empty() : Optional.of(Path.of(watchDir));
    }
}
