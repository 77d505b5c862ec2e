package io.earpiece.console.call;

import io.earpiece.db.call.CallParticipantEntity;
import io.earpiece.db.call.CallParticipantRepository;
import io.earpiece.db.call.CallRepository;
import io.earpiece.sip.call.RecordingInfo;
import io.earpiece.sip.call.RecordingParticipant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Stores what a SIPREC recording client said about a call: its recording session id and participants. A metadata
 * update replaces the list, so the call shows who is in it now.
 */
@Service
public class RecordingParticipantStore {
    private final CallRepository calls;
    private final CallParticipantRepository participants;

    public RecordingParticipantStore(CallRepository calls, CallParticipantRepository participants) {
        this.calls = calls;
        this.participants = participants;
    }

    @Transactional
    public void store(String callId, RecordingInfo info) {
        calls.findById(callId).ifPresent(c -> c.setRecordingSessionId(clip(info.recordingSessionId(), 255)));
        participants.deleteByCall(callId);
        for (RecordingParticipant p : info.participants()) {
            participants.save(new CallParticipantEntity(callId, clip(p.name(), 255), clip(p.aor(), 512),
                    clip(p.number(), 64), p.role(), clip(String.join(",", p.labels()), 255), p.party()));
        }
    }

    @Transactional(readOnly = true)
    public List<CallParticipantEntity> of(String callId) {
        return participants.findByCallIdOrderByIdAsc(callId);
    }

    /** Vendors' values are free text; a long one is cut rather than failing the whole update. */
    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
