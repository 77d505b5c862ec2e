package io.earpiece.assist;

import io.earpiece.assist.action.CommitmentFinder;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.action.DuePhraseFinder;
import io.earpiece.assist.compliance.DisclosureDetector;
import io.earpiece.assist.intent.IntentClassifier;
import io.earpiece.assist.intent.MiniLmSentenceEncoder;
import io.earpiece.assist.intent.SentenceEncoder;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.assist.playbook.Playbook;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The offline live-assist engine: detects objections, questions, buying signals, next steps, decisions,
 * action items, PII and disclosures in final transcript segments and raises the playbook's cards. One engine
 * serves many calls; each call gets its own {@link CallAnalysis}.
 */
public final class AssistEngine {
    private final Playbook playbook;
    private final UtteranceTagger tagger;
    private final CommitmentFinder commitments;
    private final DuePhraseFinder dueFinder = new DuePhraseFinder();
    private final DueDateResolver dueResolver = new DueDateResolver();
    private final PiiDetector pii = new PiiDetector();

    /** Engine with the in-process MiniLM sentence encoder (loads the model from the classpath, ~1 s). */
    public AssistEngine(Playbook playbook) {
        this(playbook, new MiniLmSentenceEncoder());
    }

    public AssistEngine(Playbook playbook, SentenceEncoder encoder) {
        this.playbook = playbook;
        IntentClassifier classifier = new IntentClassifier(encoder, playbook.intents(), playbook.background());
        List<String> phrases = playbook.disclosure() == null ? List.of() : playbook.disclosure().phrases();
        this.tagger = new UtteranceTagger(classifier, pii, new DisclosureDetector(phrases));
        this.commitments = new CommitmentFinder(dueFinder);
    }

    /** Starts the per-call state; due dates are resolved against {@code callDate}. */
    public CallAnalysis startCall(LocalDate callDate) {
        return new CallAnalysis(callDate, playbook, tagger, commitments, dueFinder, dueResolver, pii);
    }

    /** Runs a whole transcript through a fresh call dated {@code callDate}. */
    public AnalysisResult analyze(ReferenceTranscript transcript, LocalDate callDate) {
        CallAnalysis call = startCall(callDate);
        List<ReferenceUtterance> utterances = transcript.utterances();
        for (int i = 0; i < utterances.size(); i++) {
            ReferenceUtterance u = utterances.get(i);
            call.onFinalSegment(i, u.speaker(), u.start(), u.end(), u.text());
        }
        return new AnalysisResult(call.events(), call.cards());
    }

    /** Runs a whole transcript through a fresh call dated today (UTC). */
    public AnalysisResult analyze(ReferenceTranscript transcript) {
        return analyze(transcript, LocalDate.now(ZoneOffset.UTC));
    }

    /** The text with personal data masked; the same masking every call applies. */
    public String masked(String text) {
        return pii.mask(text);
    }
}
