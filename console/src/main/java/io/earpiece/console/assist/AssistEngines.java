package io.earpiece.console.assist;

import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.SegmentDecorator;
import io.earpiece.assist.intent.IntentTrainer;
import io.earpiece.assist.intent.SentenceEncoder;
import io.earpiece.assist.knowledge.KnowledgeAssist;
import io.earpiece.assist.knowledge.KnowledgeBase;
import io.earpiece.assist.knowledge.KnowledgeBaseDefinition;
import io.earpiece.assist.knowledge.RetrievalSettings;
import io.earpiece.assist.playbook.Playbook;
import io.earpiece.assist.playbook.PlaybookLoader;
import io.earpiece.db.playbook.PlaybookVersionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The assist engine each team's calls start with: the team's newest stored playbook (or the default's), with the
 * knowledge base and the language model layered on as configured. Each lookup reads the newest versions from the
 * database, so an edit reaches every call that starts after it, on every server, without a restart; engines are
 * built once per playbook version and knowledge-base change (embedding exemplars and passages takes a while).
 * Blocking: call off the event loop.
 */
@Component
public class AssistEngines {

    private static final Logger log = LoggerFactory.getLogger(AssistEngines.class);

    private final PlaybookStore playbooks;
    private final KnowledgeStore knowledge;
    private final PlaybookLoader loader;
    private final SentenceEncoder encoder;
    private final IntentTrainer trainer;
    private final LlmLayer llm;
    private final AssistProperties.Knowledge knowledgeSettings;
    // Per playbook scope (a team or the default): the engine of its newest version.
    private final Map<String, Built> engines = new ConcurrentHashMap<>();
    private final Object knowledgeLock = new Object();
    private volatile Knowledge currentKnowledge = new Knowledge(-1, Optional.empty());

    public AssistEngines(PlaybookStore playbooks, KnowledgeStore knowledge, PlaybookLoader loader,
                         SentenceEncoder encoder, IntentTrainer trainer, LlmLayer llm, AssistProperties properties) {
        this.playbooks = playbooks;
        this.knowledge = knowledge;
        this.loader = loader;
        this.encoder = encoder;
        this.trainer = trainer;
        this.llm = llm;
        this.knowledgeSettings = properties.knowledge();
    }

    /** A playbook version made ready to run: its engine and, with a model configured, its LLM layer. */
    private record Built(long rowId, AssistEngine engine, Optional<SegmentDecorator> llm) {
    }

    /** A checked playbook with its engine built, waiting to be stored ({@link #prepare}, then {@link #install}). */
    public static final class Prepared {
        private final Playbook playbook;
        private final AssistEngine engine;

        private Prepared(Playbook playbook, AssistEngine engine) {
            this.playbook = playbook;
            this.engine = engine;
        }

        /** The content hash, the playbook version that card caches are keyed by. */
        public String contentHash() {
            return engine.playbookVersion();
        }
    }

    /** The knowledge layer of one knowledge-base state ({@code generation} = newest change id). */
    private record Knowledge(long generation, Optional<KnowledgeAssist> assist) {
    }

    /** The engine for a call or analysis of {@code team} (null: the default playbook), every layer installed. */
    public AssistEngine engineFor(String team) {
        Built built = built(team);
        AssistEngine engine = built.engine();
        Optional<KnowledgeAssist> kb = knowledgeLayer();
        if (kb.isPresent()) {
            engine = engine.withDecorator(kb.get());
        }
        if (built.llm().isPresent()) {
            engine = engine.withDecorator(built.llm().get());
        }
        return engine;
    }

    /**
     * Parses {@code body} and builds its engine (every pattern compiled, every exemplar embedded: what a call
     * would do first) without storing anything; throws {@link io.earpiece.assist.playbook.PlaybookException} with
     * the reason when it is not a usable playbook.
     */
    public Prepared prepare(String body) {
        Playbook playbook = loader.parse(body);
        return new Prepared(playbook, new AssistEngine(playbook, encoder, trainer));
    }

    /** Parses {@code body} as a playbook without building its engine. */
    public Playbook parse(String body) {
        return loader.parse(body);
    }

    /** Remembers the engine of a freshly stored version, so the next call need not build it. */
    public void install(PlaybookVersionEntity stored, Prepared prepared) {
        Built built = new Built(stored.getId(), prepared.engine, llm.decoratorFor(prepared.playbook));
        engines.merge(stored.getTeam(), built, (old, fresh) -> old.rowId() >= fresh.rowId() ? old : fresh);
    }

    /** Rebuilds the knowledge layer now if the stored documents changed. */
    public void warmKnowledge() {
        knowledgeLayer();
    }

    private Built built(String team) {
        Optional<PlaybookVersionEntity> row = playbooks.effective(team);
        if (row.isEmpty()) {
            // Before the first start's seeding finished: the bundled playbook.
            return engines.computeIfAbsent("", k -> {
                Playbook bundled = loader.loadDefault();
                return new Built(0, new AssistEngine(bundled, encoder, trainer), llm.decoratorFor(bundled));
            });
        }
        PlaybookVersionEntity newest = row.get();
        Built known = engines.get(newest.getTeam());
        if (known != null && known.rowId() == newest.getId()) {
            return known;
        }
        return engines.compute(newest.getTeam(), (scope, old) -> old != null && old.rowId() >= newest.getId() ? old
                : build(newest));
    }

    private Built build(PlaybookVersionEntity row) {
        Playbook playbook = loader.parse(row.getBody());
        long t0 = System.nanoTime();
        AssistEngine engine = new AssistEngine(playbook, encoder, trainer);
        log.info("assist engine for playbook {} v{} ({}) built in {} ms", row.getTeam(), row.getVersion(),
                engine.playbookVersion(), (System.nanoTime() - t0) / 1_000_000);
        return new Built(row.getId(), engine, llm.decoratorFor(playbook));
    }

    private Optional<KnowledgeAssist> knowledgeLayer() {
        if (!knowledgeSettings.enabled()) {
            return Optional.empty();
        }
        long generation = knowledge.generation();
        Knowledge current = currentKnowledge;
        if (current.generation() == generation) {
            return current.assist();
        }
        synchronized (knowledgeLock) {
            current = currentKnowledge;
            if (current.generation() == generation) {
                return current.assist();
            }
            KnowledgeBaseDefinition definition = knowledge.definition();
            Optional<KnowledgeAssist> assist = Optional.empty();
            if (!definition.documents().isEmpty()) {
                long t0 = System.nanoTime();
                KnowledgeBase kb = new KnowledgeBase(definition, encoder, RetrievalSettings.defaults());
                log.info("knowledge base {} ({} documents, {} passages) built in {} ms", kb.version(),
                        definition.documents().size(), kb.passageCount(), (System.nanoTime() - t0) / 1_000_000);
                assist = Optional.of(new KnowledgeAssist(kb, knowledgeSettings.cooldown().toMillis() / 1000.0));
            }
            currentKnowledge = new Knowledge(generation, assist);
            return assist;
        }
    }
}
