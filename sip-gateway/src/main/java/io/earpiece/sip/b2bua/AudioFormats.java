package io.earpiece.sip.b2bua;

import io.earpiece.sip.call.Codec;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.SdpAttribute;
import io.earpiece.sip.sdp.SessionDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Rewrites the audio stream of SDP passed from one leg of a relayed call to the other, so that each leg keeps its own
 * terms with the relay. Pure: SDP in, SDP out; only the first audio stream with a port is touched.
 */
final class AudioFormats {
    private static final String EVENTS = "telephone-event/8000";

    private AudioFormats() {
    }

    /**
     * The re-INVITE offer to send on to the answering peer: its telephone-event renumbered to the payload type that
     * peer already uses ({@code offerEventPt} is the offer's, -1 none), and the codec that peer uses now added when
     * the offer lacks it, so the peer may keep its codec and let the relay transcode rather than refuse.
     */
    static SessionDescription keeping(SessionDescription offer, int offerEventPt, RelayPlan.LegFormat answererNow) {
        return withAudio(offer, m -> {
            List<String> formats = new ArrayList<>(m.formats());
            List<SdpAttribute> attributes = new ArrayList<>(m.attributes());
            String from = Integer.toString(offerEventPt);
            String to = Integer.toString(answererNow.telephoneEventPt());
            if (offerEventPt >= 0 && answererNow.telephoneEventPt() >= 0 && !from.equals(to)
                    && !formats.contains(to)) {
                formats.replaceAll(f -> f.equals(from) ? to : f);
                attributes.replaceAll(a -> renumbered(a, from, to));
            }
            Codec codec = answererNow.codec();
            String pt = Integer.toString(codec.payloadType());
            boolean offered = formats.stream().anyMatch(f -> carries(m, f, codec));
            if (!offered && !formats.contains(pt)) {
                formats.add(pt);
                attributes.add(rtpmap(pt, codec.name() + "/" + codec.clockRate()));
            }
            return copy(m, formats, attributes);
        });
    }

    /**
     * The answer to return to the offering peer in its own terms: only the codec and telephone-event payload types
     * of its side of {@code plan} (the fmtp of the answerer's events carried over), whatever the answerer chose.
     */
    static SessionDescription answering(SessionDescription answer, RelayPlan plan) {
        return withAudio(answer, m -> {
            RelayPlan.LegFormat mine = plan.offerer();
            String pt = Integer.toString(mine.codec().payloadType());
            List<String> formats = new ArrayList<>(List.of(pt));
            List<SdpAttribute> attributes = new ArrayList<>();
            attributes.add(rtpmap(pt, mine.codec().name() + "/" + mine.codec().clockRate()));
            if (mine.telephoneEventPt() >= 0) {
                String te = Integer.toString(mine.telephoneEventPt());
                formats.add(te);
                attributes.add(rtpmap(te, EVENTS));
                fmtp(m, Integer.toString(plan.answerer().telephoneEventPt()))
                        .ifPresent(v -> attributes.add(new SdpAttribute("fmtp", te + " " + v)));
            }
            for (SdpAttribute a : m.attributes()) {
                if (!a.name().equalsIgnoreCase("rtpmap") && !a.name().equalsIgnoreCase("fmtp")) {
                    attributes.add(a);
                }
            }
            return copy(m, formats, attributes);
        });
    }

    /** Whether format {@code fmt} of {@code m} is {@code codec}: by its rtpmap, or by its static payload type. */
    static boolean carries(MediaDescription m, String fmt, Codec codec) {
        Optional<String> map = m.rtpmap(fmt);
        if (map.isPresent()) {
            return map.get().equalsIgnoreCase(codec.name() + "/" + codec.clockRate());
        }
        return (fmt.equals("0") && codec.name().equals(Codec.PCMU.name()))
                || (fmt.equals("8") && codec.name().equals(Codec.PCMA.name()));
    }

    private static Optional<String> fmtp(MediaDescription m, String pt) {
        String prefix = pt + " ";
        return m.attributes().stream()
                .filter(a -> a.name().equalsIgnoreCase("fmtp") && a.value() != null && a.value().startsWith(prefix))
                .map(a -> a.value().substring(prefix.length()).trim()).findFirst();
    }

    private static SdpAttribute renumbered(SdpAttribute a, String from, String to) {
        boolean mapping = a.name().equalsIgnoreCase("rtpmap") || a.name().equalsIgnoreCase("fmtp");
        if (mapping && a.value() != null && a.value().startsWith(from + " ")) {
            return new SdpAttribute(a.name(), to + a.value().substring(from.length()));
        }
        return a;
    }

    private static SdpAttribute rtpmap(String pt, String encoding) {
        return new SdpAttribute("rtpmap", pt + " " + encoding);
    }

    private static MediaDescription copy(MediaDescription m, List<String> formats, List<SdpAttribute> attributes) {
        return new MediaDescription(m.media(), m.port(), m.portCount(), m.protocol(), formats, m.connection(),
                attributes);
    }

    private static SessionDescription withAudio(SessionDescription sdp, UnaryOperator<MediaDescription> edit) {
        List<MediaDescription> media = new ArrayList<>();
        boolean done = false;
        for (MediaDescription m : sdp.media()) {
            if (!done && m.media().equalsIgnoreCase("audio") && m.port() != 0) {
                media.add(edit.apply(m));
                done = true;
            } else {
                media.add(m);
            }
        }
        return new SessionDescription(sdp.origin(), sdp.sessionName(), sdp.connection(), sdp.timing(),
                sdp.attributes(), media);
    }
}
