package io.earpiece.db.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One version of a knowledge-base document, or its deletion; never changed once stored. */
@Entity
@Table(name = "knowledge_document_versions")
public class KnowledgeDocumentVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, length = 200000)
    private String body;

    @Column(nullable = false, length = 1024)
    private String source;

    @Column(nullable = false)
    private boolean deleted;

    @Column(nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected KnowledgeDocumentVersionEntity() {
    }

    /** The document's current state as a version; {@code deleted} records its removal. */
    public KnowledgeDocumentVersionEntity(KnowledgeDocumentEntity d, boolean deleted, String author, Instant at) {
        this.documentId = d.getId();
        this.slug = d.getSlug();
        this.version = deleted ? d.getVersion() + 1 : d.getVersion();
        this.title = d.getTitle();
        this.body = d.getBody();
        this.source = d.getSource();
        this.deleted = deleted;
        this.author = author;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public long getDocumentId() { return documentId; }
    public String getSlug() { return slug; }
    public int getVersion() { return version; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getSource() { return source; }
    public boolean isDeleted() { return deleted; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
}
