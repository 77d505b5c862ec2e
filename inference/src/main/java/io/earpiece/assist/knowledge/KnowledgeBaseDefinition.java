package io.earpiece.assist.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A team's knowledge base as written (YAML/JSON): a name and its documents. */
public record KnowledgeBaseDefinition(String name, List<KnowledgeDocument> documents) {
    public KnowledgeBaseDefinition {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** Content hash (16 hex digits of SHA-256 over every field of every document, in order). */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, name);
            for (KnowledgeDocument d : documents) {
                update(sha, d.id());
                update(sha, d.title());
                update(sha, d.text());
                update(sha, d.source());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    // Length-prefixed so that moving text between fields changes the hash.
    private static void update(MessageDigest sha, String field) {
        byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
    }
}
