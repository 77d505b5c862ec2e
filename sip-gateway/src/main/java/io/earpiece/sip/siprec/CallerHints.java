package io.earpiece.sip.siprec;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Caller/callee from the vendor extensions that state it. Per participant: Acme/Oracle
 * {@code <apkt:callingParty>true|false}, Intrado {@code <role>calling|called}. Per call, matched against the
 * participants' AoRs and numbers: Sonus {@code <callData><fromhdr>/<tohdr>}, BroadWorks
 * {@code <callType>..<callingPartyNumber>/<calledPartyNumber>}, Metaswitch {@code <callingPartyNumber>}. When two
 * participants remain and one end is known, the other is the other end.
 */
final class CallerHints {
    private CallerHints() {
    }

    static CallRole role(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "calling", "caller", "originating" -> CallRole.CALLER;
            case "called", "callee", "terminating" -> CallRole.CALLEE;
            default -> CallRole.NOT_STATED;
        };
    }

    /** Acme's {@code callingParty} anywhere under the participant (inside its extensiondata). */
    static CallRole callingParty(Element participant) {
        for (Element e : descendants(participant)) {
            if (MetadataParser.local(e).equals("callingParty")) {
                String v = MetadataParser.text(e).toLowerCase(Locale.ROOT);
                if (v.equals("true")) {
                    return CallRole.CALLER;
                }
                if (v.equals("false")) {
                    return CallRole.CALLEE;
                }
            }
        }
        return CallRole.NOT_STATED;
    }

    static List<Participant> apply(Element root, List<Participant> people) {
        List<String> callers = new ArrayList<>();
        List<String> callees = new ArrayList<>();
        for (Element e : descendants(root)) {
            switch (MetadataParser.local(e)) {
                case "fromhdr", "callingPartyNumber" -> callers.add(MetadataParser.text(e));
                case "tohdr", "calledPartyNumber" -> callees.add(MetadataParser.text(e));
                default -> {
                }
            }
        }
        List<Participant> out = new ArrayList<>();
        for (Participant p : people) {
            CallRole role = p.role();
            if (role == CallRole.NOT_STATED) {
                if (callers.stream().anyMatch(c -> sameParty(p, c))) {
                    role = CallRole.CALLER;
                } else if (callees.stream().anyMatch(c -> sameParty(p, c))) {
                    role = CallRole.CALLEE;
                }
            }
            out.add(p.withRole(role));
        }
        return byElimination(out);
    }

    /**
     * The weakest hint, used only when the metadata states no role at all: a participant whose AoR is the
     * recording INVITE's From is the caller (Avaya SBCE puts the caller there; Metaswitch puts the recorded party
     * there, but it states the calling number, so this never overrides it).
     */
    static RecordingMetadata fromHeader(RecordingMetadata md, String from) {
        if (from == null || md.participants().stream().anyMatch(p -> p.role() != CallRole.NOT_STATED)) {
            return md;
        }
        List<Participant> out = new ArrayList<>();
        boolean found = false;
        for (Participant p : md.participants()) {
            if (!found && sameParty(p, from)) {
                found = true;
                out.add(p.withRole(CallRole.CALLER));
            } else {
                out.add(p);
            }
        }
        return found ? new RecordingMetadata(md.sessionId(), byElimination(out), md.streams(), md.associationStated(),
                md.partial())
                : md;
    }

    /** With exactly two participants and one end known, the other participant is the other end. */
    static List<Participant> byElimination(List<Participant> people) {
        if (people.size() != 2) {
            return people;
        }
        Participant a = people.get(0);
        Participant b = people.get(1);
        if (a.role() != CallRole.NOT_STATED && b.role() == CallRole.NOT_STATED) {
            b = b.withRole(opposite(a.role()));
        } else if (b.role() != CallRole.NOT_STATED && a.role() == CallRole.NOT_STATED) {
            a = a.withRole(opposite(b.role()));
        }
        return List.of(a, b);
    }

    private static CallRole opposite(CallRole r) {
        return r == CallRole.CALLER ? CallRole.CALLEE : CallRole.CALLER;
    }

    /** Whether a participant is the party a header or number names: same number, else same user part. */
    static boolean sameParty(Participant p, String uriOrNumber) {
        String user = Participant.userOf(uriOrNumber);
        if (user == null || p.user() == null) {
            return false;
        }
        String n = Participant.numberOf(user);
        if (n != null && p.number() != null) {
            return Participant.sameNumber(n, p.number());
        }
        return user.equalsIgnoreCase(p.user());
    }

    private static List<Element> descendants(Element root) {
        List<Element> out = new ArrayList<>();
        org.w3c.dom.NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }
}
