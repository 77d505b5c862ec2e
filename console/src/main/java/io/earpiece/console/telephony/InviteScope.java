package io.earpiece.console.telephony;

import io.earpiece.sip.sdp.CodecNegotiator;
import io.earpiece.sip.sdp.Negotiation;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SdpParseException;
import io.earpiece.sip.sdp.SdpParser;

/**
 * What the B2BUA's media relay needs to know about the INVITE being handled and cannot get through sip's
 * {@code MediaRelay.open} (caller, callee, audio payload types), and the relay opened for it so that the call
 * detail record can be linked to it. The B2BUA opens the relay and reports the call's start synchronously
 * on the thread that handles the INVITE, so a thread-bound scope is enough to carry both.
 */
public final class InviteScope {

    /**
     * The INVITE's parties and media.
     *
     * @param from             the From URI without parameters ({@code sip:alice@host})
     * @param to               the To URI without parameters (its user is the dialled number or DID)
     * @param payloadType      the first G.711 payload type offered, PCMU when none
     * @param telephoneEventPt the offered RFC 4733 payload type, or -1
     */
    public record Invite(String from, String to, int payloadType, int telephoneEventPt) {
    }

    private final ThreadLocal<Invite> invite = new ThreadLocal<>();
    private final ThreadLocal<CoordinatorMediaRelay.AnchoredRelay> opened = new ThreadLocal<>();

    /** Marks the start of handling an initial INVITE on this thread. */
    public void enter(Invite i) {
        invite.set(i);
        opened.remove();
    }

    /** Ends it; nothing of this INVITE leaks to the next request the thread handles. */
    public void exit() {
        invite.remove();
        opened.remove();
    }

    public Invite current() {
        Invite i = invite.get();
        return i != null ? i : new Invite(null, null, 0, 101);
    }

    void opened(CoordinatorMediaRelay.AnchoredRelay relay) {
        opened.set(relay);
    }

    /** The relay opened while handling this thread's INVITE, once. */
    CoordinatorMediaRelay.AnchoredRelay takeOpened() {
        CoordinatorMediaRelay.AnchoredRelay r = opened.get();
        opened.remove();
        return r;
    }

    /**
     * The audio payload types of an SDP offer as the B2BUA's own negotiation picks them (the first PCMU or PCMA, the
     * telephone-event type); pure, tolerant of a missing or odd body (PCMU without events).
     */
    public static int[] payloadTypes(byte[] sdp) {
        if (sdp == null) {
            return new int[]{0, -1};
        }
        try {
            Negotiation n = new CodecNegotiator().negotiate(new SdpParser().parse(sdp));
            // A G.711 codec mapped to a dynamic type is still G.711 to the relay, under its static type.
            int pt = n.codec().name().equals("PCMA") ? 8 : 0;
            return new int[]{pt, n.telephoneEventPt()};
        } catch (SdpParseException | SdpNotAcceptableException | RuntimeException e) {
            return new int[]{0, -1};
        }
    }
}
