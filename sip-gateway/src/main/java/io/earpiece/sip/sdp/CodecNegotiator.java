package io.earpiece.sip.sdp;

import io.earpiece.sip.call.Codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks G.711 (PCMU or PCMA) from an offer in the offerer's preference order, plus telephone-event if offered.
 */
public final class CodecNegotiator {
    private static final int CLOCK_RATE = 8000;

    /** Negotiates a first offer. */
    public Negotiation negotiate(SessionDescription offer) throws SdpNotAcceptableException {
        return negotiate(offer, null);
    }

    /**
     * Negotiates an offer, keeping {@code current} when the offer still contains it so that a re-INVITE
     * does not switch codecs under running media.
     */
    public Negotiation negotiate(SessionDescription offer, Codec current) throws SdpNotAcceptableException {
        String why = "no audio stream offered";
        List<MediaDescription> media = offer.media();
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            if (!m.media().equalsIgnoreCase("audio") || m.port() == 0) {
                continue;
            }
            // RTP/SAVP is RTP/AVP under SRTP; whether that is acceptable is the SRTP policy's call (SdesNegotiator).
            if (!m.protocol().equalsIgnoreCase(SdesNegotiator.AVP) && !m.protocol().equalsIgnoreCase(SdesNegotiator.SAVP)) {
                why = "unsupported transport " + m.protocol();
                continue;
            }
            List<Codec> candidates = g711Candidates(m);
            if (candidates.isEmpty()) {
                why = "no PCMU or PCMA among offered formats " + String.join(" ", m.formats());
                continue;
            }
            Codec chosen = candidates.get(0);
            if (current != null) {
                for (Codec c : candidates) {
                    if (c.name().equals(current.name())) {
                        chosen = c;
                        break;
                    }
                }
            }
            Connection conn = offer.connectionFor(m);
            MediaDirection direction = offer.directionFor(m);
            boolean onHold = direction == MediaDirection.SENDONLY || direction == MediaDirection.INACTIVE
                    || conn.isNullAddress();
            return new Negotiation(i, chosen, telephoneEvent(m), conn.host(), m.port(), direction, onHold);
        }
        throw new SdpNotAcceptableException(why);
    }

    private static List<Codec> g711Candidates(MediaDescription m) {
        List<Codec> out = new ArrayList<>();
        for (String fmt : m.formats()) {
            int pt = payloadType(fmt);
            if (pt < 0) {
                continue;
            }
            Optional<String> map = m.rtpmap(fmt);
            String name;
            int rate;
            if (map.isPresent()) {
                String[] parts = map.get().split("/");
                name = parts[0].trim().toUpperCase(Locale.ROOT);
                rate = parts.length > 1 ? parseRate(parts[1]) : -1;
            } else if (pt == Codec.PCMU.payloadType()) {
                name = "PCMU";
                rate = CLOCK_RATE;
            } else if (pt == Codec.PCMA.payloadType()) {
                name = "PCMA";
                rate = CLOCK_RATE;
            } else {
                continue;
            }
            if (rate == CLOCK_RATE && (name.equals("PCMU") || name.equals("PCMA"))) {
                out.add(new Codec(name, pt, CLOCK_RATE));
            }
        }
        return out;
    }

    private static int telephoneEvent(MediaDescription m) {
        for (String fmt : m.formats()) {
            int pt = payloadType(fmt);
            if (pt >= 96) {
                Optional<String> map = m.rtpmap(fmt);
                if (map.isPresent() && map.get().toLowerCase(Locale.ROOT).startsWith("telephone-event/")
                        && parseRate(map.get().substring("telephone-event/".length())) == CLOCK_RATE) {
                    return pt;
                }
            }
        }
        return -1;
    }

    private static int payloadType(String fmt) {
        if (fmt.isEmpty() || fmt.length() > 3) {
            return -1;
        }
        for (int i = 0; i < fmt.length(); i++) {
            if (!Character.isDigit(fmt.charAt(i))) {
                return -1;
            }
        }
        int pt = Integer.parseInt(fmt);
        return pt <= 127 ? pt : -1;
    }

    private static int parseRate(String s) {
        String digits = s.trim();
        int slash = digits.indexOf('/');
        if (slash >= 0) {
            digits = digits.substring(0, slash);
        }
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }
}
