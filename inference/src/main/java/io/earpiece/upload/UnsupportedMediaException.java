package io.earpiece.upload;

/** A file that is not audio, or audio in a format or codec that cannot be decoded. */
public final class UnsupportedMediaException extends MediaException {

    public UnsupportedMediaException(String message) {
        super(message);
    }

    public UnsupportedMediaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** HTTP 415. */
    @Override
    public int httpStatus() {
        return 415;
    }
}
