package io.earpiece.assist.knowledge;

/** Thrown when a knowledge base cannot be read or is inconsistent; the message names the problem. */
public class KnowledgeBaseException extends RuntimeException {
    public KnowledgeBaseException(String reason) {
        super(reason);
    }

    public KnowledgeBaseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
