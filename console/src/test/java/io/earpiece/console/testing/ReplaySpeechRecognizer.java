package io.earpiece.console.testing;

import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only recognizer: returns the reference text spoken inside the audio it is given, so end-to-end tests can
 * check segmentation and plumbing without Whisper weights. Each reference utterance is cut into sentences, spread
 * over the utterance's time in proportion to their length; a decode returns the sentences of its party whose middle
 * falls inside its audio. A turn that the live path commits in pieces (at a pause between sentences) therefore
 * comes back whole across its pieces, once, and a partial of a growing window grows with it.
 * It lives under src/test and cannot be selected in production configuration.
 */
public class ReplaySpeechRecognizer implements SpeechRecognizer {

    /** A sentence of a reference utterance and the media time of its middle. */
    private record Sentence(String party, String text, double middleMs) {
    }

    private volatile List<Sentence> sentences = List.of();

    public void use(ReferenceTranscript reference) {
        List<Sentence> out = new ArrayList<>();
        for (ReferenceTranscript.Utterance u : reference.utterances()) {
            List<String> parts = sentencesOf(u.text());
            int total = parts.stream().mapToInt(String::length).sum();
            double startMs = u.start() * 1000;
            double spanMs = (u.end() - u.start()) * 1000;
            int before = 0;
            for (String part : parts) {
                double middle = startMs + spanMs * (before + part.length() / 2.0) / Math.max(1, total);
                out.add(new Sentence(u.speaker(), part, middle));
                before += part.length();
            }
        }
        sentences = List.copyOf(out);
    }

    /** The sentences of {@code text}, split after '.', '?' or '!' followed by a space. */
    static List<String> sentencesOf(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("(?<=[.?!])\\s+")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public String transcribe(Utterance utterance) {
        long audioStartMs = utterance.endMs() - utterance.samples().length / 16;
        StringBuilder text = new StringBuilder();
        for (Sentence s : sentences) {
            if (s.party().equals(utterance.party()) && s.middleMs() >= audioStartMs && s.middleMs() < utterance.endMs()) {
                text.append(text.isEmpty() ? "" : " ").append(s.text());
            }
        }
        return text.toString();
    }

    @Override
    public String describe() {
        return "replay of a synth-call reference by time (test only)";
    }
}
