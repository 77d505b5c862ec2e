package io.earpiece.assist;

import io.earpiece.assist.action.CommitmentFinder;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.action.DuePhraseFinder;
import io.earpiece.assist.compliance.DisclosureDetector;
import io.earpiece.assist.intent.IntentClassifier;
import io.earpiece.assist.intent.IntentTrainer;
import io.earpiece.assist.intent.MiniLmSentenceEncoder;
import io.earpiece.assist.intent.SentenceEncoder;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.assist.playbook.Playbook;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    private final DuePhraseFinder dueFinder;
    private final DueDateResolver dueResolver;
    private final PiiDetector pii;
    private final String playbookVersion;
    private final List<SegmentDecorator> decorators;

    /** Engine with the in-process MiniLM sentence encoder (loads the model from the classpath, ~1 s). */
    public AssistEngine(Playbook playbook) {
        this(playbook, new MiniLmSentenceEncoder());
    }

    /** Engine with a given encoder; share one encoder between engines and knowledge bases to load it once. */
    public AssistEngine(Playbook playbook, SentenceEncoder encoder) {
        this(playbook, encoder, IntentTrainer.forEncoder(encoder));
    }

    /** Engine whose intent models are trained by {@code trainer} for this playbook's intents. */
    public AssistEngine(Playbook playbook, SentenceEncoder encoder, IntentTrainer trainer) {
        this.playbook = playbook;
        this.pii = new PiiDetector();
        this.dueFinder = new DuePhraseFinder();
        this.dueResolver = new DueDateResolver();
        IntentClassifier classifier = new IntentClassifier(trainer.featurizer(), playbook.intents(), playbook.background(),
                trainer.train(playbook.intents()), IntentClassifier.MIN_PROBABILITY,
                IntentClassifier.KEYWORD_PROBABILITY);
        List<String> phrases = playbook.disclosure() == null ? List.of() : playbook.disclosure().phrases();
        this.tagger = new UtteranceTagger(classifier, pii, new DisclosureDetector(phrases));
        this.commitments = new CommitmentFinder(dueFinder);
        this.playbookVersion = playbook.version();
        this.decorators = List.of();
    }

    private AssistEngine(AssistEngine base, List<SegmentDecorator> decorators) {
        this.playbook = base.playbook;
        this.tagger = base.tagger;
        this.commitments = base.commitments;
        this.pii = base.pii;
        this.dueFinder = base.dueFinder;
        this.dueResolver = base.dueResolver;
        this.playbookVersion = base.playbookVersion;
        this.decorators = List.copyOf(decorators);
    }

    /**
     * A new engine sharing this one's models, whose calls also pass through {@code decorator} (applied after the
     * decorators already installed). This engine is unchanged. Typical: {@code engine.withDecorator(new
     * KnowledgeAssist(kb)).withDecorator(new LlmAssist(...))}.
     */
    public AssistEngine withDecorator(SegmentDecorator decorator) {
        List<SegmentDecorator> all = new ArrayList<>(decorators);
        all.add(decorator);
        return new AssistEngine(this, all);
    }

    /** Starts the per-call state; due dates are resolved against {@code callDate}. */
    public CallAnalysis startCall(LocalDate callDate) {
        List<SegmentDecorator.CallDecorator> perCall = new ArrayList<>();
        for (SegmentDecorator d : decorators) {
            perCall.add(d.startCall(playbook, playbookVersion));
        }
        return new CallAnalysis(callDate, playbook, tagger, commitments, dueFinder, dueResolver, pii, perCall);
    }

    public Playbook playbook() {
        return playbook;
    }

    /** The playbook's content hash ({@link Playbook#version()}), computed once. */
    public String playbookVersion() {
        return playbookVersion;
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
