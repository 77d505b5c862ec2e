package io.earpiece.sip.siprec;

import java.util.List;

/**
 * A stream of the recording session as the metadata describes it.
 *
 * @param id           the metadata's stream id
 * @param label        the {@code <label>}, which names the SDP m-line ({@code a=label})
 * @param mixed        the metadata says {@code <mode>mixed</mode>}
 * @param participants ids of the participants who send on it
 */
public record RecordedStream(String id, String label, boolean mixed, List<String> participants) {

    public RecordedStream {
        participants = List.copyOf(participants);
    }
}
