package io.earpiece.console.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The reference JSON that synth-call writes: utterances with speaker, text, tags and times. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceTranscript(String title, String type, double duration_s, List<Utterance> utterances) {

    /** One reference utterance; times in seconds from the start of the audio. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Utterance(String speaker, String text, List<String> tags, double start, double end) {
    }

    public static ReferenceTranscript read(Path json) throws IOException {
        return new ObjectMapper().readValue(json.toFile(), ReferenceTranscript.class);
    }

    public List<Utterance> of(String party) {
        return utterances.stream().filter(u -> u.speaker().equals(party)).toList();
    }
}
