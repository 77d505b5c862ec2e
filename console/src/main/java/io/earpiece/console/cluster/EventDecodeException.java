package io.earpiece.console.cluster;

/** A record on the event topic that is not a call event this version understands; the reason says why. */
public class EventDecodeException extends Exception {

    public EventDecodeException(String reason) {
        super(reason);
    }

    public EventDecodeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
