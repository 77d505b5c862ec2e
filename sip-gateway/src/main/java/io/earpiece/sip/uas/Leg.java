package io.earpiece.sip.uas;

import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegMedia;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.sdp.Negotiation;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/**
 * One call leg's signalling state. Every field is guarded by the leg's monitor so that INVITE answering,
 * CANCEL, ACK, BYE and hangup, which arrive on different threads, see one consistent state.
 */
final class Leg {
    enum State { PROCEEDING, ANSWERED, ESTABLISHED, ENDED }

    final String id;
    final LegOffer offer;
    final ServerTransaction invite;
    final String localTag;
    final long sessionId;
    /** The IP address the INVITE came from, for the per-source quota; "" when the stack did not say. */
    final String source;

    State state = State.PROCEEDING;
    Negotiation negotiation;
    /** The offer the current answer was built from. */
    io.earpiece.sip.sdp.SessionDescription lastOffer;
    LegMedia media;
    Dialog dialog;
    long sdpVersion;
    /** open() accepted the leg, so the controller is owed exactly one ended(). */
    boolean opened;
    /** Set when CANCEL or hangup() came before the answer; the answering task finishes the leg with it. */
    EndReason abortReason;
    /** The remote party's BYE arrived; a dialog ending after it is that BYE's doing, not a failure. */
    boolean byeReceived;
    /** RFC 4028 interval agreed with the caller (who refreshes), 0 for none; the watch that hangs up at expiry. */
    int sessionSeconds;
    java.util.concurrent.ScheduledFuture<?> sessionWatch;

    Leg(LegOffer offer, Negotiation negotiation, ServerTransaction invite, String localTag, long sessionId,
        String source) {
        this.id = offer.legId();
        this.offer = offer;
        this.negotiation = negotiation;
        this.invite = invite;
        this.localTag = localTag;
        this.sessionId = sessionId;
        this.source = source == null ? "" : source;
    }
}
