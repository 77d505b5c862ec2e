package io.earpiece.sip.siprec;

import java.util.List;
import java.util.Optional;

/**
 * What a recording client says about the call it records (RFC 7865 and the older draft forms).
 *
 * @param sessionId           the recording's communication-session id, or null
 * @param participants        in document order
 * @param streams             in document order, each with the participants sending on it
 * @param associationStated   false when the metadata says nothing about who sends what (the mapping is then a
 *                            guess by document order and must be reported as unknown)
 */
public record RecordingMetadata(String sessionId, List<Participant> participants, List<RecordedStream> streams,
                                boolean associationStated) {

    public RecordingMetadata {
        participants = List.copyOf(participants);
        streams = List.copyOf(streams);
    }

    public Optional<RecordedStream> stream(String label) {
        return streams.stream().filter(s -> s.label().equals(label)).findFirst();
    }

    public Optional<Participant> participant(String id) {
        return participants.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The participants sending on the stream with this label, as the metadata states them; empty if unknown. */
    public List<Participant> sendersOf(String label) {
        return stream(label).map(s -> s.participants().stream().map(this::participant)
                .flatMap(Optional::stream).toList()).orElse(List.of());
    }
}
