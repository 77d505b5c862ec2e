package io.earpiece.sip.siprec;

import io.earpiece.sip.call.RecordingInfo;
import io.earpiece.sip.call.RecordingParticipant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns parsed metadata and the resolved parties into the {@link RecordingInfo} the controller stores. */
final class RecordingInfos {
    private RecordingInfos() {
    }

    static RecordingInfo of(RecordingMetadata md, List<StreamParty> parties) {
        List<RecordingParticipant> out = new ArrayList<>();
        for (Participant p : md.participants()) {
            List<String> labels = new ArrayList<>();
            for (RecordedStream s : md.streams()) {
                if (s.participants().contains(p.id())) {
                    labels.add(s.label());
                }
            }
            String party = null;
            for (StreamParty sp : parties) {
                if (labels.contains(sp.label())) {
                    party = sp.partyLabel();
                    break;
                }
            }
            String role = p.role() == CallRole.NOT_STATED ? "unknown" : p.role().name().toLowerCase(Locale.ROOT);
            out.add(new RecordingParticipant(p.name(), p.aor(), p.number(), role, labels, party));
        }
        return new RecordingInfo(md.sessionId(), out, md.associationStated());
    }
}
