package io.earpiece.upload;

/** An uploaded file that cannot be processed, with the HTTP status that describes why. */
public abstract class MediaException extends Exception {

    protected MediaException(String message) {
        super(message);
    }

    protected MediaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status an upload endpoint should answer with. */
    public abstract int httpStatus();
}
