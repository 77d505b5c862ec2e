package io.earpiece.sip.sdp;

/** An {@code a=crypto} value that is not well-formed RFC 4568 syntax; the message says which rule failed. */
public class SdesParseException extends Exception {
    public SdesParseException(String reason) {
        super(reason);
    }
}
