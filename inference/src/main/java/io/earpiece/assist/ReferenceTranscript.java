package io.earpiece.assist;

import java.util.List;

/** A transcript in the synth-call reference format: ordered utterances with speaker, times, text and optional tags. */
public record ReferenceTranscript(String title, String type, List<ReferenceUtterance> utterances) {
    public ReferenceTranscript {
        utterances = List.copyOf(utterances);
    }
}
