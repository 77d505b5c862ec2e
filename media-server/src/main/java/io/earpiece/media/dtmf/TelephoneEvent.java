package io.earpiece.media.dtmf;

/**
 * One RFC 4733 telephone-event payload.
 *
 * @param event    event code (0-9, 10 '*', 11 '#', 12-15 'A'-'D' for DTMF)
 * @param end      the E bit: this packet reports the event's end
 * @param volume   power level in -dBm0 (0-63)
 * @param duration duration so far in RTP timestamp units
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    private static final String DIGITS = "0123456789*#ABCD";

    /** The DTMF digit for this event, or 0 when the event is not a DTMF digit (e.g. flash). */
    public char digit() {
        return event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }
}
