package io.earpiece.media.rtp;

/** A datagram that is not a well-formed RTP packet; {@link #reason()} says which check failed. */
public final class RtpParseException extends Exception {

    /** Which structural check of the RTP header failed. */
    public enum Reason { TOO_SHORT, BAD_VERSION, TRUNCATED_CSRC, TRUNCATED_EXTENSION, BAD_PADDING }

    private final Reason reason;

    public RtpParseException(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
