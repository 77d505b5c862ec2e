package io.earpiece.media.dtmf;

/** Parses the first RFC 4733 event block of a telephone-event RTP payload; a pure function of bytes. */
public final class TelephoneEventParser {

    public TelephoneEvent parse(byte[] payload) throws TelephoneEventParseException {
        if (payload.length < 4) {
            throw new TelephoneEventParseException("telephone-event payload of " + payload.length
                    + " bytes, need 4");
        }
        int flags = payload[1] & 0xFF;
        int duration = ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF);
        return new TelephoneEvent(payload[0] & 0xFF, (flags & 0x80) != 0, flags & 0x3F, duration);
    }
}
