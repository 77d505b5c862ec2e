package io.earpiece.summary;

import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.Speakers;
import java.util.List;
import java.util.Objects;

/**
 * One final transcript utterance: {@code speaker} is the party ("rep", "customer", or a further stream such as
 * "customer-2"; see {@link Speakers}), times are seconds from the call start.
 */
public record Utterance(String speaker, double startS, double endS, String text) {
    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    /** Whether a customer said it (anything not said by one of the rep's streams counts as the customer). */
    public boolean byCustomer() {
        return !Speakers.isRep(speaker);
    }

    /** The utterances of a reference transcript, in order. */
    public static List<Utterance> of(ReferenceTranscript transcript) {
        return transcript.utterances().stream()
                .map(u -> new Utterance(u.speaker(), u.start(), u.end(), u.text()))
                .toList();
    }
}
