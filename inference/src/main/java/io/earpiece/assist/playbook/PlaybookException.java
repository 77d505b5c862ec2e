package io.earpiece.assist.playbook;

/** Thrown when a playbook cannot be read or is inconsistent; the message names the problem. */
public class PlaybookException extends RuntimeException {
    public PlaybookException(String reason) {
        super(reason);
    }

    public PlaybookException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
