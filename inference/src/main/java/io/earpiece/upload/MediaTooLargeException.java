package io.earpiece.upload;

/** A file larger or longer than the configured limits. */
public final class MediaTooLargeException extends MediaException {

    public MediaTooLargeException(String message) {
        super(message);
    }

    public MediaTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** HTTP 413. */
    @Override
    public int httpStatus() {
        return 413;
    }
}
