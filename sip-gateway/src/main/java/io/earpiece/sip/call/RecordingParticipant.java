package io.earpiece.sip.call;

import java.util.List;

/**
 * A participant of a SIPREC-recorded call, as its recording client describes it.
 *
 * @param name   display name, or null
 * @param aor    address of record as the metadata writes it, or null
 * @param number telephone number in the AoR, or null
 * @param role   "caller", "callee" or "unknown"
 * @param labels labels of the streams it sends on (as the metadata says, or guessed when not stated)
 * @param party  the Earpiece party it is heard in ("rep", "customer", "mixed"), or null when not recorded
 */
public record RecordingParticipant(String name, String aor, String number, String role, List<String> labels,
                                   String party) {

    public RecordingParticipant {
        labels = List.copyOf(labels);
    }
}
