package io.earpiece.sip.siprec;

/** Thrown when a body is not a usable multipart body; the message says why, fit for a 400 reason phrase. */
public class MultipartParseException extends Exception {
    public MultipartParseException(String reason) {
        super(reason);
    }
}
