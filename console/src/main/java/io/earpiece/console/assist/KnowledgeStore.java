package io.earpiece.console.assist;

import io.earpiece.assist.knowledge.KnowledgeBaseDefinition;
import io.earpiece.assist.knowledge.KnowledgeDocument;
import io.earpiece.db.knowledge.KnowledgeDocumentEntity;
import io.earpiece.db.knowledge.KnowledgeDocumentRepository;
import io.earpiece.db.knowledge.KnowledgeDocumentVersionEntity;
import io.earpiece.db.knowledge.KnowledgeDocumentVersionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge-base documents in the database. Every create, edit and delete also appends to the version
 * history, whose newest id tells readers whether the knowledge base changed. Blocking: call off the event loop.
 */
@Component
public class KnowledgeStore {

    /** Name of the knowledge base built from the stored documents. */
    public static final String NAME = "earpiece";

    private final KnowledgeDocumentRepository documents;
    private final KnowledgeDocumentVersionRepository history;

    public KnowledgeStore(KnowledgeDocumentRepository documents, KnowledgeDocumentVersionRepository history) {
        this.documents = documents;
        this.history = history;
    }

    @Transactional(readOnly = true)
    public List<KnowledgeDocumentEntity> list() {
        return documents.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public Optional<KnowledgeDocumentEntity> find(long id) {
        return documents.findById(id);
    }

    @Transactional(readOnly = true)
    public boolean slugTaken(String slug) {
        return documents.existsBySlug(slug);
    }

    @Transactional(readOnly = true)
    public List<KnowledgeDocumentVersionEntity> versions(long id) {
        return history.findByDocumentIdOrderByVersionDesc(id);
    }

    /** Id of the newest change ever made; 0 when no document was ever stored. */
    @Transactional(readOnly = true)
    public long generation() {
        return history.newestChange();
    }

    /** The stored documents as the engine's knowledge base; card ids cite each document's slug. */
    @Transactional(readOnly = true)
    public KnowledgeBaseDefinition definition() {
        return new KnowledgeBaseDefinition(NAME, list().stream()
                .map(d -> new KnowledgeDocument(d.getSlug(), d.getTitle(), d.getBody(), d.getSource()))
                .toList());
    }

    @Transactional
    public KnowledgeDocumentEntity create(String slug, String title, String body, String source, String author) {
        Instant now = Instant.now();
        KnowledgeDocumentEntity d = documents.saveAndFlush(new KnowledgeDocumentEntity(slug, title, body, source,
                author, now));
        history.save(new KnowledgeDocumentVersionEntity(d, false, author, now));
        return d;
    }

    /** The revised document, or empty when there is none with this id. */
    @Transactional
    public Optional<KnowledgeDocumentEntity> revise(long id, String title, String body, String source, String author) {
        return documents.findById(id).map(d -> {
            Instant now = Instant.now();
            d.revise(title, body, source, author, now);
            KnowledgeDocumentEntity saved = documents.saveAndFlush(d);
            history.save(new KnowledgeDocumentVersionEntity(saved, false, author, now));
            return saved;
        });
    }

    /** Deletes the document, recording the deletion in its history; false when there is none with this id. */
    @Transactional
    public boolean delete(long id, String author) {
        Optional<KnowledgeDocumentEntity> found = documents.findById(id);
        found.ifPresent(d -> {
            history.save(new KnowledgeDocumentVersionEntity(d, true, author, Instant.now()));
            documents.delete(d);
        });
        return found.isPresent();
    }
}
