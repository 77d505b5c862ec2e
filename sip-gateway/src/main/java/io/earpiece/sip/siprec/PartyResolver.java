package io.earpiece.sip.siprec;

import io.earpiece.sip.call.Party;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which recorded stream is the rep and which the customer. In order: a participant that is an Earpiece
 * SIP user or extension is the rep; else the caller or callee (as vendor extensions state it, else the first
 * participant in document order taken as the caller) is the rep as {@code earpiece.siprec.rep-side} says. A lone
 * stream, or one that the metadata says two participants send on, is {@code mixed}. Further separate streams (a
 * third participant, a participant on two streams) are recorded too, as further streams of the rep (an Earpiece
 * user sends on it) or else of the customer: "customer-2".
 */
public final class PartyResolver {
    private final SiprecConfig config;

    public PartyResolver(SiprecConfig config) {
        this.config = config;
    }

    /** The parties of the recordable streams, in m-line order; streams left out are not recorded. */
    public List<StreamParty> resolve(RecordingOffer offer) throws RecordingRejection {
        RecordingMetadata md = offer.metadata();
        List<OfferedStream> streams = offer.recordable();
        List<StreamParty> out = new ArrayList<>();
        if (streams.size() == 1) {
            OfferedStream s = streams.get(0);
            out.add(new StreamParty(s.label(), Party.MIXED, md.sendersOf(s.label()), "the only recorded stream"));
            return out;
        }
        List<OfferedStream> separate = new ArrayList<>();
        for (OfferedStream s : streams) {
            if (md.sendersOf(s.label()).size() >= 2 && out.stream().noneMatch(p -> p.party() == Party.MIXED)) {
                out.add(new StreamParty(s.label(), Party.MIXED, md.sendersOf(s.label()), "two participants send on it"));
            } else {
                separate.add(s);
            }
        }
        OfferedStream rep = repStream(md, separate, out);
        for (OfferedStream s : separate) {
            if (s == rep) {
                continue;
            }
            if (out.stream().noneMatch(p -> p.party() == Party.CUSTOMER)) {
                out.add(new StreamParty(s.label(), Party.CUSTOMER, md.sendersOf(s.label()), "not the rep"));
            } else {
                out.add(further(md, s.label()));
            }
        }
        // Keep m-line order, so the answer and logs read like the offer; number each party's streams in that order.
        List<StreamParty> ordered = new ArrayList<>();
        java.util.Map<Party, Integer> counts = new java.util.EnumMap<>(Party.class);
        for (OfferedStream s : streams) {
            out.stream().filter(p -> p.label().equals(s.label())).findFirst()
                    .ifPresent(p -> ordered.add(p.numbered(counts.merge(p.party(), 1, Integer::sum))));
        }
        return ordered;
    }

    /**
     * The party of a stream beyond the first rep, customer and mixed ones, or of one added by a re-INVITE: the rep's
     * when an Earpiece user sends on it, else the customer's. The caller numbers it.
     */
    public StreamParty further(RecordingMetadata md, String label) {
        List<Participant> senders = md.sendersOf(label);
        if (senders.stream().anyMatch(this::isEarpieceUser)) {
            return new StreamParty(label, Party.REP, senders, "earpiece user (further stream)");
        }
        return new StreamParty(label, Party.CUSTOMER, senders, "not an earpiece user (further stream)");
    }

    private OfferedStream repStream(RecordingMetadata md, List<OfferedStream> separate, List<StreamParty> out)
            throws RecordingRejection {
        if (separate.isEmpty()) {
            return null;
        }
        for (OfferedStream s : separate) {
            for (Participant p : md.sendersOf(s.label())) {
                if (isEarpieceUser(p)) {
                    out.add(new StreamParty(s.label(), Party.REP, md.sendersOf(s.label()), "earpiece user"));
                    return s;
                }
            }
        }
        if (config.repSide() == RepSide.MATCH) {
            throw new RecordingRejection(403, "Forbidden: no participant is an Earpiece user (earpiece.siprec.rep-side=match)");
        }
        CallRole wanted = config.repSide() == RepSide.CALLER ? CallRole.CALLER : CallRole.CALLEE;
        for (OfferedStream s : separate) {
            if (md.sendersOf(s.label()).stream().anyMatch(p -> p.role() == wanted)) {
                out.add(new StreamParty(s.label(), Party.REP, md.sendersOf(s.label()),
                        wanted.name().toLowerCase() + " (metadata)"));
                return s;
            }
        }
        // Nothing states the roles: SRCs list the caller's stream first (OpenSIPS, SEMS a_leg, Cisco), so take it so.
        OfferedStream s = wanted == CallRole.CALLER ? separate.get(0) : separate.get(Math.min(1, separate.size() - 1));
        if (separate.size() == 1 && wanted == CallRole.CALLEE) {
            return null; // the one separate stream is then the customer
        }
        out.add(new StreamParty(s.label(), Party.REP, md.sendersOf(s.label()),
                wanted.name().toLowerCase() + " (assumed from stream order)"));
        return s;
    }

    private boolean isEarpieceUser(Participant p) {
        String user = p.user();
        if (user != null && config.earpieceUser().test(user)) {
            return true;
        }
        String number = p.number();
        return number != null && !number.equals(user) && config.earpieceUser().test(number);
    }

    /** The caller's and callee's addresses for the call record: from the metadata, else the given fallbacks. */
    public static String[] fromAndTo(RecordingMetadata md, String from, String to) {
        String caller = null;
        String callee = null;
        for (Participant p : md.participants()) {
            if (p.role() == CallRole.CALLER && caller == null) {
                caller = uri(p.aor());
            } else if (p.role() == CallRole.CALLEE && callee == null) {
                callee = uri(p.aor());
            }
        }
        List<Participant> ps = md.participants();
        if (caller == null && callee == null && ps.size() >= 2) {
            caller = uri(ps.get(0).aor());
            callee = uri(ps.get(1).aor());
        }
        return new String[] {caller == null ? from : caller, callee == null ? to : callee};
    }

    /** An AoR as a URI: vendors write bare {@code user@host} or digits, which the call list reads as sip: URIs. */
    static String uri(String aor) {
        if (aor == null || aor.isBlank()) {
            return null;
        }
        String a = aor.trim();
        String lower = a.toLowerCase();
        if (lower.startsWith("sip:") || lower.startsWith("sips:") || lower.startsWith("tel:")) {
            return a;
        }
        return "sip:" + a;
    }
}
