package io.earpiece.sip.timer;

/** A Session-Expires or Min-SE header that cannot be read; the message says why. */
public final class SessionTimerParseException extends Exception {
    public SessionTimerParseException(String message) {
        super(message);
    }
}
