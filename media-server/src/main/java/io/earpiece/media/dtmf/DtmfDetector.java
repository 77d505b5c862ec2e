package io.earpiece.media.dtmf;

/**
 * Turns the stream of RFC 4733 event packets into one report per digit. An event is identified by its RTP
 * timestamp; it is reported at its first end packet (the end is sent three times), or, if every end packet was
 * lost, when the next event starts or the stream is flushed. Packets must arrive in sequence order.
 */
public final class DtmfDetector {

    /** Receives completed digits. */
    public interface DigitSink {
        /**
         * @param eventTimestamp RTP timestamp of the event's start
         * @param duration       the longest duration the event's packets reported, in RTP timestamp units
         */
        void onDigit(char digit, long eventTimestamp, int duration);
    }

    private long currentTimestamp = -1;
    private char currentDigit;
    private int currentDuration;
    private boolean reported = true;

    public void onEvent(TelephoneEvent event, long rtpTimestamp, DigitSink sink) {
        if (rtpTimestamp != currentTimestamp) {
            flush(sink);
            currentTimestamp = rtpTimestamp;
            currentDigit = event.digit();
            currentDuration = 0;
            reported = false;
        }
        currentDuration = Math.max(currentDuration, event.duration());
        if (event.end()) {
            flush(sink);
        }
    }

    /** Reports an event whose end never arrived. */
    public void flush(DigitSink sink) {
        if (!reported) {
            reported = true;
            if (currentDigit != 0) {
                sink.onDigit(currentDigit, currentTimestamp, currentDuration);
            }
        }
    }
}
