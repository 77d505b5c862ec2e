package io.earpiece.upload;

/** A file in a recognised format that is damaged or cut short. */
public final class CorruptMediaException extends MediaException {

    public CorruptMediaException(String message) {
        super(message);
    }

    public CorruptMediaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** HTTP 422. */
    @Override
    public int httpStatus() {
        return 422;
    }
}
