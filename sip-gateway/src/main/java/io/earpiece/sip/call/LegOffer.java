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
 * @param stream           1 for a party's first leg; 2, 3, ... for further streams of the same party in one
 *                         conversation (a SIPREC session recording three participants on separate streams)
 * @param transport        the SIP transport its INVITE came over ({@code udp}, {@code tcp}, {@code tls}), or null
 *                         when not known; with {@code srtp} it tells whether the leg was encrypted end to end
 */
public record LegOffer(String legId, String from, String to, String conversationId, Party party,
                       InetSocketAddress remoteMedia, Codec codec, int telephoneEventPt, SdesSession srtp,
                       int stream, String transport) {

    public LegOffer {
        if (stream < 1) {
            throw new IllegalArgumentException("stream numbers start at 1, got " + stream);
        }
    }

    /** A party's first leg. */
    public LegOffer(String legId, String from, String to, String conversationId, Party party,
                    InetSocketAddress remoteMedia, Codec codec, int telephoneEventPt, SdesSession srtp) {
        this(legId, from, to, conversationId, party, remoteMedia, codec, telephoneEventPt, srtp, 1, null);
    }

    /** The SIP transport named by a request's top Via ("UDP", "TCP", "TLS"), lower case; null without one. */
    public static String transportOf(javax.sip.message.Request request) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        return via == null || via.getTransport() == null ? null
                : via.getTransport().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The name the leg's recording and transcript go under: the party's label for its first stream ("customer"),
     * with the stream number after it for further ones ("customer-2"), so each stream keeps its own recording.
     */
    public String partyLabel() {
        return stream == 1 ? party.label() : party.label() + "-" + stream;
    }

    /** A clear-RTP leg. */
    public LegOffer(String legId, String from, String to, String conversationId, Party party,
                    InetSocketAddress remoteMedia, Codec codec, int telephoneEventPt) {
        this(legId, from, to, conversationId, party, remoteMedia, codec, telephoneEventPt, null);
    }
}
