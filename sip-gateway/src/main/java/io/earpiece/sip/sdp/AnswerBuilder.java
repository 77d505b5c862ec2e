package io.earpiece.sip.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SDP answer for a negotiated offer: the chosen stream accepted with one codec (plus telephone-event),
 * every other offered stream rejected with port 0 as RFC 3264 requires.
 */
public final class AnswerBuilder {
    static final int PTIME_MS = 20;
    private final String username;

    /** @param username the {@code o=} user name and {@code s=} value, e.g. "earpiece" */
    public AnswerBuilder(String username) {
        this.username = username;
    }

    /**
     * Answers {@code offer} with media at {@code host:port}.
     *
     * @param sessionId      stable per leg
     * @param sessionVersion incremented whenever the answer for the leg changes
     */
    public SessionDescription answer(SessionDescription offer, Negotiation n, String host, int port,
                                     long sessionId, long sessionVersion) {
        Connection conn = Connection.forHost(host);
        Origin origin = new Origin(username, Long.toString(sessionId), Long.toString(sessionVersion),
                conn.netType(), conn.addrType(), host);
        List<MediaDescription> media = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription offered = offer.media().get(i);
            if (i == n.mediaIndex()) {
                media.add(accepted(n, port, offered.protocol()));
            } else {
                media.add(new MediaDescription(offered.media(), 0, 1, offered.protocol(),
                        List.of(offered.formats().get(0)), null, List.of()));
            }
        }
        return new SessionDescription(origin, username, conn, "0 0", List.of(), media);
    }

    /** @param profile the offered profile, RTP/AVP or RTP/SAVP: an answer keeps it (RFC 3264 section 6) */
    private static MediaDescription accepted(Negotiation n, int port, String profile) {
        List<String> formats = new ArrayList<>();
        List<SdpAttribute> attrs = new ArrayList<>();
        formats.add(Integer.toString(n.codec().payloadType()));
        attrs.add(new SdpAttribute("rtpmap",
                n.codec().payloadType() + " " + n.codec().name() + "/" + n.codec().clockRate()));
        if (n.telephoneEventPt() >= 0) {
            formats.add(Integer.toString(n.telephoneEventPt()));
            attrs.add(new SdpAttribute("rtpmap", n.telephoneEventPt() + " telephone-event/8000"));
            attrs.add(new SdpAttribute("fmtp", n.telephoneEventPt() + " 0-16"));
        }
        attrs.add(new SdpAttribute("ptime", Integer.toString(PTIME_MS)));
        attrs.add(SdpAttribute.flag(n.direction().answer().attribute()));
        if (n.srtp() != null) {
            attrs.add(n.srtp().answerAttribute().attribute());
        }
        return new MediaDescription("audio", port, 1, profile, formats, null, attrs);
    }
}
