package io.earpiece.sip.sdp;

import io.earpiece.sip.call.Codec;

/**
 * The outcome of negotiating an offer: which stream and codec to use and where the peer wants media.
 *
 * @param mediaIndex       index of the chosen {@code m=} section in the offer
 * @param remoteHost       the peer's connection address (an IP literal or a host name, never resolved here)
 * @param telephoneEventPt RFC 4733 payload type, or -1 when not offered
 * @param direction        the direction the peer offered
 * @param onHold           the peer offered sendonly/inactive or the null address
 * @param srtp             the SDES keys when the stream is SRTP, or null for clear RTP
 */
public record Negotiation(int mediaIndex, Codec codec, int telephoneEventPt, String remoteHost, int remotePort,
                          MediaDirection direction, boolean onHold, SdesSession srtp) {

    /** A clear-RTP negotiation. */
    public Negotiation(int mediaIndex, Codec codec, int telephoneEventPt, String remoteHost, int remotePort,
                       MediaDirection direction, boolean onHold) {
        this(mediaIndex, codec, telephoneEventPt, remoteHost, remotePort, direction, onHold, null);
    }

    /** The same negotiation with SRTP keys (or null for clear RTP). */
    public Negotiation withSrtp(SdesSession keys) {
        return new Negotiation(mediaIndex, codec, telephoneEventPt, remoteHost, remotePort, direction, onHold, keys);
    }
}
