package io.earpiece.assist.knowledge;

/** One short knowledge-base document; {@code source} is what the answer card cites (URL, wiki path, file). */
public record KnowledgeDocument(String id, String title, String text, String source) {
}
