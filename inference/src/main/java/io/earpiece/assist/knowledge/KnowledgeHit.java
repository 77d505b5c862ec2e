package io.earpiece.assist.knowledge;

/** A document that answers a question: its best-matching passage and that passage's cosine similarity. */
public record KnowledgeHit(KnowledgeDocument document, String passage, double score) {
}
