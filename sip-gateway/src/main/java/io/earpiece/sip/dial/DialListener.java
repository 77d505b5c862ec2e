package io.earpiece.sip.dial;

import io.earpiece.sip.call.Codec;

import java.net.InetSocketAddress;

/** What becomes of a call {@link DialOut} places; called on SIP or timer threads, must not block. */
public interface DialListener {

    /** Why an answered call ended. */
    enum End {
        /** The far end sent BYE. */
        REMOTE_BYE,
        /** Earpiece hung up (the rep, an admin, shutdown). */
        LOCAL_HANGUP,
        /** The session timer ran out without a refresh, or a refresh failed (RFC 4028 10): the peer is gone. */
        SESSION_EXPIRED
    }

    /** A provisional response (ringing, early media). */
    default void ringing(int status) {
    }

    /** The far end answered: where to send media and in which codec; {@code telephoneEventPt} is -1 when none. */
    void answered(InetSocketAddress remote, Codec codec, int telephoneEventPt);

    /** The call was never answered: the final status (408 for no response) and its reason. */
    void failed(int status, String reason);

    /** The answered call is over. */
    void ended(End end);

    /** A re-INVITE moved the far end's media. */
    default void remoteChanged(InetSocketAddress remote) {
    }
}
