package io.earpiece.sip.call;

import io.earpiece.sip.sdp.SdesSession;

import java.net.InetSocketAddress;

/**
 * A new call leg as the gateway understood its INVITE, after codec negotiation.
 *
 * @param legId            the SIP Call-ID, unique per leg
 * @param conversationId   {@code X-Earpiece-Conversation}, or the Call-ID when absent (one-leg call)
 * @param remoteMedia      where the peer wants RTP sent (from its SDP)
 * @param telephoneEventPt payload type of RFC 4733 events, or -1 when not negotiated
 * @param srtp             the SDES keys when the leg's media is SRTP, or null for clear RTP
 */
public record LegOffer(String legId, String from, String to, String conversationId, Party party,
                       InetSocketAddress remoteMedia, Codec codec, int telephoneEventPt, SdesSession srtp) {

    /** A clear-RTP leg. */
    public LegOffer(String legId, String from, String to, String conversationId, Party party,
                    InetSocketAddress remoteMedia, Codec codec, int telephoneEventPt) {
        this(legId, from, to, conversationId, party, remoteMedia, codec, telephoneEventPt, null);
    }
}
