package io.earpiece.db.playbook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One version of a team's (or the default) playbook as written, YAML or JSON; never changed once stored. */
@Entity
@Table(name = "playbook_versions")
public class PlaybookVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String team;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, length = 500000)
    private String body;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PlaybookVersionEntity() {
    }

    public PlaybookVersionEntity(String team, int version, String body, String contentHash, String author,
                                 Instant createdAt) {
        this.team = team;
        this.version = version;
        this.body = body;
        this.contentHash = contentHash;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getTeam() { return team; }
    public int getVersion() { return version; }
    public String getBody() { return body; }
    public String getContentHash() { return contentHash; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
}
