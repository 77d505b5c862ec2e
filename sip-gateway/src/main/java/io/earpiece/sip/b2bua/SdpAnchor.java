package io.earpiece.sip.b2bua;

import io.earpiece.sip.sdp.Connection;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.MediaDirection;
import io.earpiece.sip.sdp.Origin;
import io.earpiece.sip.sdp.SdpAttribute;
import io.earpiece.sip.sdp.SdpFormatter;
import io.earpiece.sip.sdp.SdpParseException;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SessionDescription;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a peer's SDP for the other leg so that audio flows through the relay: the first audio stream's
 * address and port become the relay's endpoint, the origin becomes this leg's own; codecs, telephone-event
 * and direction (hold) pass unchanged so both ends negotiate with each other. Other streams are refused (port 0).
 */
public final class SdpAnchor {
    private final SdpParser parser = new SdpParser();
    private final SdpFormatter formatter = new SdpFormatter();

    /**
     * What the peer's SDP says about its audio.
     *
     * @param wantsMedia false when the peer does not want to receive audio: its stream is sendonly or inactive, or
     *                   its address is the null address of an RFC 2543 hold
     */
    public record Audio(InetSocketAddress remote, SessionDescription sdp, boolean wantsMedia) {

        /** The audio stream itself (its profile and {@code a=crypto} lines). */
        public MediaDescription media() {
            for (MediaDescription m : sdp.media()) {
                if (m.media().equalsIgnoreCase("audio") && m.port() != 0) {
                    return m;
                }
            }
            throw new IllegalStateException("no audio stream");
        }
    }

    /**
     * What this leg's audio stream says about SRTP, set by Earpiece for each leg on its own: the profile (RTP/AVP
     * or RTP/SAVP) and Earpiece's own {@code a=crypto} lines, which replace the other peer's.
     */
    public record Crypto(String profile, List<SdpAttribute> lines) {
        public Crypto {
            lines = List.copyOf(lines);
        }
    }

    /** Parses a body and finds its first audio stream with a non-zero port. */
    public Audio read(byte[] body) throws SdpParseException {
        SessionDescription sdp = parser.parse(body);
        for (MediaDescription m : sdp.media()) {
            if (m.media().equalsIgnoreCase("audio") && m.port() != 0) {
                Connection c = sdp.connectionFor(m);
                if (c == null) {
                    throw new SdpParseException("audio stream without a connection address");
                }
                MediaDirection direction = sdp.directionFor(m);
                boolean wants = !c.isNullAddress()
                        && (direction == MediaDirection.SENDRECV || direction == MediaDirection.RECVONLY);
                return new Audio(new InetSocketAddress(c.host(), m.port()), sdp, wants);
            }
        }
        throw new SdpParseException("no audio stream");
    }

    /** The SDP to send on the other leg, with the relay endpoint {@code local} in place of the peer's. */
    public String anchor(SessionDescription sdp, InetSocketAddress local, long sessionId, long version) {
        return anchor(sdp, local, sessionId, version, null);
    }

    /**
     * As {@link #anchor(SessionDescription, InetSocketAddress, long, long)}, with the audio stream's profile and
     * crypto lines set for this leg ({@code crypto} null: passed as they are). The other peer's keys never cross.
     */
    public String anchor(SessionDescription sdp, InetSocketAddress local, long sessionId, long version,
                         Crypto crypto) {
        String host = local.getAddress().getHostAddress();
        Connection conn = Connection.forHost(host);
        List<MediaDescription> media = new ArrayList<>();
        boolean audioDone = false;
        for (MediaDescription m : sdp.media()) {
            if (!audioDone && m.media().equalsIgnoreCase("audio") && m.port() != 0) {
                // A hold by null address stays a hold; otherwise media is pointed at the relay.
                Connection c = sdp.connectionFor(m);
                Connection out = c != null && c.isNullAddress() ? c : null;
                String profile = m.protocol();
                List<SdpAttribute> attributes = m.attributes();
                if (crypto != null) {
                    profile = crypto.profile();
                    attributes = new ArrayList<>();
                    for (SdpAttribute a : m.attributes()) {
                        if (!a.name().equalsIgnoreCase("crypto")) {
                            attributes.add(a);
                        }
                    }
                    attributes.addAll(crypto.lines());
                }
                media.add(new MediaDescription(m.media(), local.getPort(), 1, profile, m.formats(), out,
                        attributes));
                audioDone = true;
            } else {
                media.add(new MediaDescription(m.media(), 0, 1, m.protocol(), m.formats(), null, List.of()));
            }
        }
        Origin origin = new Origin("earpiece", Long.toString(sessionId), Long.toString(version), conn.netType(),
                conn.addrType(), host);
        return formatter.format(new SessionDescription(origin, "earpiece", conn, sdp.timing(), sdp.attributes(),
                media));
    }
}
