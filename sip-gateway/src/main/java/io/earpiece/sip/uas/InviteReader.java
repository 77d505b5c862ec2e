package io.earpiece.sip.uas;

import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.Party;
import io.earpiece.sip.sdp.CodecNegotiator;
import io.earpiece.sip.sdp.Negotiation;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SdpParseException;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SdesNegotiator;
import io.earpiece.sip.sdp.SdesSession;
import io.earpiece.sip.sdp.SrtpPolicy;
import io.earpiece.sip.sdp.SessionDescription;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Turns an initial INVITE into a {@link LegOffer}, or says with which status to reject it. */
final class InviteReader {
    static final String PARTY_HEADER = "X-Earpiece-Party";
    static final String CONVERSATION_HEADER = "X-Earpiece-Conversation";
    private static final int MAX_CONVERSATION_ID = 256;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final SdpParser parser = new SdpParser();
    private final CodecNegotiator negotiator = new CodecNegotiator();
    private final SdesNegotiator sdes;
    private final SrtpPolicy srtpPolicy;

    /** @param srtpPolicy whether this listener's legs (bot legs) take SRTP */
    InviteReader(SdesNegotiator sdes, SrtpPolicy srtpPolicy) {
        this.sdes = sdes;
        this.srtpPolicy = srtpPolicy;
    }

    /** What an acceptable INVITE carried. */
    record Accepted(LegOffer offer, SessionDescription sdp, Negotiation negotiation) {
    }

    Accepted read(Request invite) throws InviteRejection {
        String callId = SipText.callId(invite);
        Party party;
        try {
            party = Party.fromHeader(headerValue(invite, PARTY_HEADER));
        } catch (IllegalArgumentException e) {
            throw new InviteRejection(Response.BAD_REQUEST, "Bad " + PARTY_HEADER);
        }
        String conversation = headerValue(invite, CONVERSATION_HEADER);
        if (conversation == null || conversation.isBlank()) {
            conversation = callId;
        } else if (!isPrintableId(conversation.trim())) {
            throw new InviteRejection(Response.BAD_REQUEST, "Bad " + CONVERSATION_HEADER);
        }
        Negotiated n = readOffer(invite);
        String from = ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
        String to = ((ToHeader) invite.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
        LegOffer offer = new LegOffer(callId, from, to, conversation.trim(), party,
                remote(n.negotiation), n.negotiation.codec(), n.negotiation.telephoneEventPt(), n.negotiation.srtp(),
                1, LegOffer.transportOf(invite));
        return new Accepted(offer, n.sdp, n.negotiation);
    }

    /** A parsed and negotiated offer. */
    record Negotiated(SessionDescription sdp, Negotiation negotiation) {
    }

    /**
     * Parses and negotiates the SDP body of an INVITE, keeping the {@code current} codec and, while the peer keeps
     * its key, the current SRTP keys on re-INVITEs.
     */
    Negotiated readOffer(Request invite, Negotiation current) throws InviteRejection {
        byte[] body = invite.getRawContent();
        if (body == null || body.length == 0) {
            // An INVITE without an offer is valid (the offer would come in our 200, the answer in the ACK); it is
            // what Earpiece does not support, not a malformed request, so 488 rather than 400 (RFC 4475 inv2543 over
            // TCP, where a body without Content-Length is not read).
            throw new InviteRejection(Response.NOT_ACCEPTABLE_HERE,
                    "Not Acceptable Here (no SDP offer in the INVITE; Earpiece needs the offer in the INVITE)");
        }
        ContentTypeHeader type = (ContentTypeHeader) invite.getHeader(ContentTypeHeader.NAME);
        if (type == null || !type.getContentType().equalsIgnoreCase("application")
                || !type.getContentSubType().equalsIgnoreCase("sdp")) {
            throw new InviteRejection(Response.UNSUPPORTED_MEDIA_TYPE, "Only application/sdp bodies");
        }
        SessionDescription sdp;
        try {
            sdp = parser.parse(body);
        } catch (SdpParseException e) {
            throw new InviteRejection(Response.BAD_REQUEST, "Bad SDP: " + e.getMessage());
        }
        try {
            Negotiation n = negotiator.negotiate(sdp, current == null ? null : current.codec());
            SdesSession keys = sdes.negotiate(sdp.media().get(n.mediaIndex()), srtpPolicy,
                    current == null ? null : current.srtp());
            return new Negotiated(sdp, n.withSrtp(keys));
        } catch (SdpNotAcceptableException e) {
            throw new InviteRejection(Response.NOT_ACCEPTABLE_HERE, "Not Acceptable Here: " + e.getMessage());
        }
    }

    private Negotiated readOffer(Request invite) throws InviteRejection {
        return readOffer(invite, null);
    }

    /** Where the peer wants RTP; host names are left unresolved so no DNS lookup runs on a stack thread. */
    static InetSocketAddress remote(Negotiation n) {
        String host = n.remoteHost();
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), n.remotePort());
            } catch (UnknownHostException e) {
                return InetSocketAddress.createUnresolved(host, n.remotePort());
            }
        }
        return InetSocketAddress.createUnresolved(host, n.remotePort());
    }

    private static String headerValue(Request request, String name) {
        Header h = request.getHeader(name);
        if (h == null) {
            return null;
        }
        if (h instanceof ExtensionHeader e) {
            return e.getValue();
        }
        String s = h.toString();
        int colon = s.indexOf(':');
        return colon < 0 ? "" : s.substring(colon + 1).trim();
    }

    private static boolean isPrintableId(String s) {
        if (s.isEmpty() || s.length() > MAX_CONVERSATION_ID) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
