package io.earpiece.sip.call;

import java.util.List;

/**
 * What a SIPREC recording client said about the call it records.
 *
 * @param recordingSessionId the metadata's communication-session id, or null
 * @param associationStated  false when the metadata did not say who sends which stream (labels are then guessed)
 */
public record RecordingInfo(String recordingSessionId, List<RecordingParticipant> participants,
                            boolean associationStated) {

    public RecordingInfo {
        participants = List.copyOf(participants);
    }
}
