package io.earpiece.media.dtmf;

/** A telephone-event payload too short to hold the four-byte RFC 4733 event block. */
public final class TelephoneEventParseException extends Exception {

    public TelephoneEventParseException(String reason) {
        super(reason, null, false, false);
    }
}
