package io.earpiece.console.testing;

import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;

import java.util.List;

/**
 * Test-only recognizer: for the n-th detected utterance of a party it returns the n-th reference utterance
 * of that party, so end-to-end tests can check segmentation and plumbing without Whisper weights.
 * It lives under src/test and cannot be selected in production configuration.
 */
public class ReplaySpeechRecognizer implements SpeechRecognizer {

    private volatile ReferenceTranscript reference;

    public void use(ReferenceTranscript reference) {
        this.reference = reference;
    }

    @Override
    public String transcribe(Utterance utterance) {
        ReferenceTranscript ref = reference;
        if (ref == null) {
            return "";
        }
        List<ReferenceTranscript.Utterance> mine = ref.of(utterance.party());
        return utterance.index() < mine.size() ? mine.get(utterance.index()).text() : "";
    }

    @Override
    public String describe() {
        return "replay of a synth-call reference (test only)";
    }
}
