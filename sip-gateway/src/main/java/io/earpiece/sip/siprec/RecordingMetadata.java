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
 * @param partial             {@code <datamode>partial}: an update that names only what changed
 */
public record RecordingMetadata(String sessionId, List<Participant> participants, List<RecordedStream> streams,
                                boolean associationStated, boolean partial) {

    public RecordingMetadata {
        participants = List.copyOf(participants);
        streams = List.copyOf(streams);
    }

    /**
     * This update applied over the metadata it follows: a partial update keeps the participants and streams it
     * does not name, and a participant keeps the role it had when the update does not state one (clients repeat
     * vendor extensions only in the first INVITE).
     */
    public RecordingMetadata after(RecordingMetadata previous) {
        java.util.Map<String, Participant> people = new java.util.LinkedHashMap<>();
        if (partial) {
            previous.participants.forEach(p -> people.put(p.id(), p));
        }
        for (Participant p : participants) {
            Participant before = previous.participant(p.id()).orElse(null);
            people.put(p.id(), p.role() == CallRole.NOT_STATED && before != null ? p.withRole(before.role()) : p);
        }
        java.util.Map<String, RecordedStream> all = new java.util.LinkedHashMap<>();
        if (partial) {
            previous.streams.forEach(s -> all.put(s.label(), s));
        }
        streams.forEach(s -> all.put(s.label(), s));
        return new RecordingMetadata(sessionId != null ? sessionId : previous.sessionId,
                List.copyOf(people.values()), List.copyOf(all.values()),
                associationStated || (partial && previous.associationStated), false);
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
