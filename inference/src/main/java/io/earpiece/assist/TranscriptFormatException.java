package io.earpiece.assist;

/** Thrown when a reference transcript cannot be read; the message says which field was wrong. */
public class TranscriptFormatException extends Exception {
    public TranscriptFormatException(String reason) {
        super(reason);
    }

    public TranscriptFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
