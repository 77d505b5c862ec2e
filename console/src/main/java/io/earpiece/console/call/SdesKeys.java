package io.earpiece.console.call;

import io.earpiece.media.srtp.SrtpKey;
import io.earpiece.media.srtp.SrtpKeys;
import io.earpiece.media.srtp.SrtpSuite;
import io.earpiece.sip.sdp.SdesSession;

/** Turns the SIP gateway's negotiated SDES keys into the media server's SRTP keys (the two modules stay apart). */
public final class SdesKeys {

    private SdesKeys() {
    }

    /** The key the peer encrypts with, or null for a clear leg. */
    public static SrtpKey receive(SdesSession session) {
        return session == null ? null : SrtpKey.fromKeySalt(suite(session), session.remoteKeySalt());
    }

    /** Both keys of a relay side, or null for a clear side. */
    public static SrtpKeys both(SdesSession session) {
        return session == null ? null : new SrtpKeys(receive(session),
                SrtpKey.fromKeySalt(suite(session), session.localKeySalt()));
    }

    private static SrtpSuite suite(SdesSession session) {
        return SrtpSuite.forSdesName(session.suite().name()).orElseThrow(() ->
                new IllegalArgumentException("the media server has no suite " + session.suite()));
    }
}
