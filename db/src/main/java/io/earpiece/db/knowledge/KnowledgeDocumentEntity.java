package io.earpiece.db.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A knowledge-base document as it is now; each change also lands in {@link KnowledgeDocumentVersionEntity}. */
@Entity
@Table(name = "knowledge_documents")
public class KnowledgeDocumentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, length = 200000)
    private String body;

    @Column(nullable = false, length = 1024)
    private String source;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String author;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected KnowledgeDocumentEntity() {
    }

    public KnowledgeDocumentEntity(String slug, String title, String body, String source, String author,
                                   Instant at) {
        this.slug = slug;
        this.title = title;
        this.body = body;
        this.source = source;
        this.version = 1;
        this.author = author;
        this.updatedAt = at;
    }

    /** Replaces the content and counts a new version. */
    public void revise(String title, String body, String source, String author, Instant at) {
        this.title = title;
        this.body = body;
        this.source = source;
        this.version++;
        this.author = author;
        this.updatedAt = at;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getSource() { return source; }
    public int getVersion() { return version; }
    public String getAuthor() { return author; }
    public Instant getUpdatedAt() { return updatedAt; }
}
