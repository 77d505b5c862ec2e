package io.earpiece.sip.siprec;

import io.earpiece.sip.sdp.Connection;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.Negotiation;
import io.earpiece.sip.sdp.Origin;
import io.earpiece.sip.sdp.SdpAttribute;
import io.earpiece.sip.sdp.SessionDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SRS's answer (RFC 7866 8.1.2): one m-line per offered one, in order, each keeping its {@code a=label};
 * recorded streams {@code recvonly} ({@code inactive} while the client pauses them) on their own local RTP port,
 * the others refused with port 0. An SRTP stream's answer carries Earpiece's own {@code a=crypto} line with the tag
 * of the offered line it took.
 */
public final class RecordingAnswerBuilder {
    static final int PTIME_MS = 20;
    private final String username;

    public RecordingAnswerBuilder(String username) {
        this.username = username;
    }

    /**
     * @param ports local RTP port per recorded label; labels not in it are refused
     */
    public SessionDescription answer(RecordingOffer offer, Map<String, Integer> ports, String host, long sessionId,
                                     long version) {
        Connection conn = Connection.forHost(host);
        Origin origin = new Origin(username, Long.toString(sessionId), Long.toString(version), conn.netType(),
                conn.addrType(), host);
        List<MediaDescription> media = new ArrayList<>();
        for (OfferedStream s : offer.streams()) {
            Integer port = ports.get(s.label());
            if (port == null || !s.recordable()) {
                media.add(refused(s));
            } else {
                media.add(accepted(s, port));
            }
        }
        return new SessionDescription(origin, username, conn, "0 0", List.of(), media);
    }

    private static MediaDescription refused(OfferedStream s) {
        MediaDescription m = s.media();
        List<SdpAttribute> attrs = new ArrayList<>();
        label(s, attrs);
        return new MediaDescription(m.media(), 0, 1, m.protocol(), List.of(m.formats().get(0)), null, attrs);
    }

    private static MediaDescription accepted(OfferedStream s, int port) {
        Negotiation n = s.negotiation();
        List<String> formats = new ArrayList<>();
        List<SdpAttribute> attrs = new ArrayList<>();
        formats.add(Integer.toString(n.codec().payloadType()));
        attrs.add(new SdpAttribute("rtpmap", n.codec().payloadType() + " " + n.codec().name() + "/"
                + n.codec().clockRate()));
        if (n.telephoneEventPt() >= 0) {
            formats.add(Integer.toString(n.telephoneEventPt()));
            attrs.add(new SdpAttribute("rtpmap", n.telephoneEventPt() + " telephone-event/8000"));
            attrs.add(new SdpAttribute("fmtp", n.telephoneEventPt() + " 0-16"));
        }
        attrs.add(new SdpAttribute("ptime", Integer.toString(PTIME_MS)));
        if (n.srtp() != null) {
            attrs.add(n.srtp().answerAttribute().attribute());
        }
        label(s, attrs);
        attrs.add(SdpAttribute.flag(s.paused() ? "inactive" : "recvonly"));
        return new MediaDescription("audio", port, 1, s.media().protocol(), formats, null, attrs);
    }

    private static void label(OfferedStream s, List<SdpAttribute> attrs) {
        if (!s.label().startsWith("#")) {
            attrs.add(new SdpAttribute("label", s.label()));
        }
    }
}
