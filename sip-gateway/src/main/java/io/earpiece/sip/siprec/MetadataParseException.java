package io.earpiece.sip.siprec;

/** Thrown when recording metadata cannot be read; the message says why, fit for a 400 reason phrase. */
public class MetadataParseException extends Exception {
    public MetadataParseException(String reason) {
        super(reason);
    }
}
