package io.earpiece.upload;

/** A recording shorter than the shortest one worth transcribing. */
public final class TooShortException extends MediaException {

    public TooShortException(String message) {
        super(message);
    }

    public TooShortException(String message, Throwable cause) {
        super(message, cause);
    }

    /** HTTP 422. */
    @Override
    public int httpStatus() {
        return 422;
    }
}
