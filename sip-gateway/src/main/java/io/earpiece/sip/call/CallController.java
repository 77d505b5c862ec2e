package io.earpiece.sip.call;

import java.net.InetSocketAddress;

/**
 * What the SIP gateway asks of the rest of the system: media for new legs and news of their life.
 * Implemented by the application that wires modules together; the gateway owns no media.
 * Calls arrive on the SIP stack's threads and must not block for long.
 */
public interface CallController {

    /** Opens media for an offered leg before it is answered; throws to reject it with a SIP status. */
    LegMedia open(LegOffer offer) throws LegRejectedException;

    /** The ACK for the 200 OK arrived: the leg is up. */
    void established(String legId);

    /** A re-INVITE changed where media goes or its direction; {@code onHold} for sendonly/inactive offers. */
    void remoteChanged(String legId, InetSocketAddress remoteMedia, Codec codec, boolean onHold);

    /**
     * A SIPREC recording session's participants, once its legs (conversation {@code conversationId}) are open, and
     * again whenever a re-INVITE or UPDATE changes them. Other legs never call this.
     */
    default void recordingInfo(String conversationId, RecordingInfo info) {
    }

    /**
     * A re-INVITE changed where media goes, its direction or its SRTP keys ({@code srtp} null: clear RTP now). The
     * default passes clear legs on to {@link #remoteChanged(String, InetSocketAddress, Codec, boolean)}.
     */
    default void remoteChanged(String legId, InetSocketAddress remoteMedia, Codec codec, boolean onHold,
                               io.earpiece.sip.sdp.SdesSession srtp) {
        remoteChanged(legId, remoteMedia, codec, onHold);
    }

    /** The leg is over, for the given reason; called once per leg that {@link #open} accepted. */
    void ended(String legId, EndReason reason);
}
