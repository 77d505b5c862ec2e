package io.earpiece.sip.siprec;

import io.earpiece.sip.sdp.SessionDescription;

import java.util.List;
import java.util.Optional;

/** A parsed SIPREC offer: its SDP, its metadata and each m-line's verdict. */
public record RecordingOffer(SessionDescription sdp, RecordingMetadata metadata, List<OfferedStream> streams) {

    public RecordingOffer {
        streams = List.copyOf(streams);
    }

    public List<OfferedStream> recordable() {
        return streams.stream().filter(OfferedStream::recordable).toList();
    }

    public Optional<OfferedStream> stream(String label) {
        return streams.stream().filter(s -> s.label().equals(label)).findFirst();
    }
}
