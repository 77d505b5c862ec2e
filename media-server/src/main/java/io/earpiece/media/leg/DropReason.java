package io.earpiece.media.leg;

/**
 * Why an incoming datagram was refused. SRTP_AUTH_FAILED: an SRTP leg's packet whose tag did not check out (wrong
 * key, altered, or not SRTP at all); SRTP_REPLAYED: an SRTP packet index already accepted or older than the replay
 * window.
 */
public enum DropReason { MALFORMED, WRONG_SOURCE, WRONG_PAYLOAD_TYPE, LATE_DUPLICATE, SRTP_AUTH_FAILED, SRTP_REPLAYED;

    /** The reason an SRTP refusal is counted under. */
    public static DropReason of(io.earpiece.media.srtp.SrtpException.Reason reason) {
        return switch (reason) {
            case MALFORMED -> MALFORMED;
            case AUTH_FAILED -> SRTP_AUTH_FAILED;
            case REPLAYED -> SRTP_REPLAYED;
        };
    }
}
