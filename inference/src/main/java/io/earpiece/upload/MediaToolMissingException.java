package io.earpiece.upload;

/** ffmpeg or ffprobe is not installed where the decoder looks: a deployment problem, not a bad upload. */
public final class MediaToolMissingException extends IllegalStateException {

    public MediaToolMissingException(String message) {
        super(message);
    }
}
