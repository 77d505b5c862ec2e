package io.earpiece.sip.stack;

import java.text.ParseException;

/** A SIP message this gateway will not process; the message is a reason phrase fit for the peer to read. */
public final class MalformedSipException extends ParseException {
    public MalformedSipException(String reason) {
        super(reason, 0);
    }
}
