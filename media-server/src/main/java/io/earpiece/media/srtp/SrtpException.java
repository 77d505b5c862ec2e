package io.earpiece.media.srtp;

/** An SRTP packet that could not be protected or unprotected; the reason is what gets counted. */
public final class SrtpException extends Exception {

    /** Why a packet was refused. */
    public enum Reason {
        /** Shorter than an RTP header (with its CSRCs and extension) plus the authentication tag. */
        MALFORMED,
        /** The authentication tag did not match: wrong key, or the packet was altered. */
        AUTH_FAILED,
        /** A packet index already accepted, or older than the replay window. */
        REPLAYED
    }

    private final Reason reason;

    public SrtpException(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
