package io.earpiece.assist.intent;

/** A cached embeddings file that cannot be read back: truncated, from another format, or for other texts. */
public final class EmbeddingCacheFormatException extends Exception {
    public EmbeddingCacheFormatException(String reason) {
        super(reason);
    }
}
