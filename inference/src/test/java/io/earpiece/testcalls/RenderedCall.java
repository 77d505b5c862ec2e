package io.earpiece.testcalls;

import java.nio.file.Path;
import java.util.List;

/**
 * A call script rendered by {@link CallRenderer}: the files under {@code dir} named {@code NAME.SUFFIX} and the
 * reference utterances with their times in the audio.
 */
public record RenderedCall(String name, Path dir, String title, String type, double durationS,
        List<Utterance> utterances) {

    /** One reference utterance; {@code speaker} is "rep" or "customer", times in seconds from the audio's start. */
    public record Utterance(String speaker, String text, List<String> tags, double start, double end) {
        public long startMs() {
            return Math.round(start * 1000);
        }

        public long endMs() {
            return Math.round(end * 1000);
        }
    }

    public RenderedCall {
        utterances = List.copyOf(utterances);
    }

    /** The utterances of {@code party} ("rep" or "customer"), in time order. */
    public List<Utterance> of(String party) {
        return utterances.stream().filter(u -> u.speaker().equals(party)).toList();
    }

    /** {@code NAME.SUFFIX}, e.g. {@code file("mono.wav")}, {@code file("mp3")}. */
    public Path file(String suffix) {
        return dir.resolve(name + "." + suffix);
    }

    /** One party's 16 kHz channel ("rep" or "customer"). */
    public Path wav(String party) {
        return file(party + ".wav");
    }

    public Path pcap(String party) {
        return file(party + ".pcmu.pcap");
    }

    /** The reference JSON (synth-call's format: title, type, duration_s, utterances). */
    public Path json() {
        return file("json");
    }
}
