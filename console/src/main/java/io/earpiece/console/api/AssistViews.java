package io.earpiece.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.earpiece.db.knowledge.KnowledgeDocumentEntity;
import io.earpiece.db.knowledge.KnowledgeDocumentVersionEntity;
import io.earpiece.db.playbook.PlaybookVersionEntity;

import java.io.IOException;
import java.time.Instant;

/** JSON shapes of the playbook and knowledge-base API. */
public final class AssistViews {

    private AssistViews() {
    }

    /**
     * One playbook version; {@code body} is the text as written (omitted in lists), {@code contentHash} the
     * content hash that card caches are keyed by, {@code inherited} true when a team without its own playbook is
     * shown the default's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * A playbook version; with its text, also {@code structure}: that text read as a tree (YAML and JSON alike), for
     * the console's form editor, which sends its edits back as JSON.
     */
    public record PlaybookView(String team, int version, String contentHash, String author, Instant createdAt,
                               Boolean inherited, String body, JsonNode structure) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A knowledge-base document as it is now. */
    public record DocumentView(long id, String slug, String title, String body, String source, int version,
                               String author, Instant updatedAt) {
    }

    /** One version of a knowledge-base document; {@code deleted} marks the version that removed it. */
    public record DocumentVersionView(long documentId, String slug, int version, String title, String body,
                                      String source, boolean deleted, String author, Instant createdAt) {
    }

    /** The body of a create or edit; {@code slug} (lower-case letters, digits, dashes) only on create. */
    public record DocumentRequest(String slug, String title, String body, String source) {
    }

    static PlaybookView playbook(PlaybookVersionEntity p, Boolean inherited, boolean withBody) {
        return new PlaybookView(p.getTeam(), p.getVersion(), p.getContentHash(), p.getAuthor(), p.getCreatedAt(),
                inherited, withBody ? p.getBody() : null, withBody ? tree(p.getBody()) : null);
    }

    /** A stored (so valid) playbook's text as a tree; null if it cannot be read, and the text editor still works. */
    private static JsonNode tree(String body) {
        try {
            return YAML.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static DocumentView document(KnowledgeDocumentEntity d) {
        return new DocumentView(d.getId(), d.getSlug(), d.getTitle(), d.getBody(), d.getSource(), d.getVersion(),
                d.getAuthor(), d.getUpdatedAt());
    }

    static DocumentVersionView version(KnowledgeDocumentVersionEntity v) {
        return new DocumentVersionView(v.getDocumentId(), v.getSlug(), v.getVersion(), v.getTitle(), v.getBody(),
                v.getSource(), v.isDeleted(), v.getAuthor(), v.getCreatedAt());
    }
}
