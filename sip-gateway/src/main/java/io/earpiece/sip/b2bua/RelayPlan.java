package io.earpiece.sip.b2bua;

import io.earpiece.sip.call.Codec;
import io.earpiece.sip.sdp.CodecNegotiator;
import io.earpiece.sip.sdp.Negotiation;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SessionDescription;

/**
 * What each leg of a relayed call carries once an offer from one peer and the other peer's answer are agreed. The
 * B2BUA passes SDP on, but each leg is its own session with the relay, so the legs may end up apart: the
 * answerer's leg carries the G.711 codec its answer chose; the offerer's leg the same codec under the offerer's own
 * payload type when the offer had it, else the offerer's first G.711 (the relay then transcodes between them,
 * which happens when a re-INVITE offer was widened with the answerer's current codec, see {@link AudioFormats}).
 * Telephone events keep each leg's own payload type; the offerer's leg gets them only when the answerer took
 * them, so that a peer without them is never sent events and the offerer sends its digits in band instead.
 * Chosen by the same {@link CodecNegotiator} as a call Earpiece answers itself.
 */
public record RelayPlan(LegFormat offerer, LegFormat answerer) {

    /** One leg's RTP: its audio codec under the leg's own payload type, and its RFC 4733 payload type (-1: none). */
    public record LegFormat(Codec codec, int telephoneEventPt) {
    }

    /**
     * The plan for an agreed offer/answer; throws when either side has no G.711 the relay can carry (the call then
     * keeps what it had).
     */
    public static RelayPlan agree(CodecNegotiator negotiator, SessionDescription offer, SessionDescription answer)
            throws SdpNotAcceptableException {
        Negotiation answered = negotiator.negotiate(answer);
        Negotiation offered = negotiator.negotiate(offer, answered.codec());
        int offererEvents = answered.telephoneEventPt() >= 0 ? offered.telephoneEventPt() : -1;
        return new RelayPlan(new LegFormat(offered.codec(), offererEvents),
                new LegFormat(answered.codec(), answered.telephoneEventPt()));
    }

    /** Whether the relay re-encodes audio between the legs. */
    public boolean transcodes() {
        return !offerer.codec().name().equals(answerer.codec().name());
    }
}
