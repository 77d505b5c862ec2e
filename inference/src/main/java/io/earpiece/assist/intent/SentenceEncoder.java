package io.earpiece.assist.intent;

/** Turns a sentence into a unit-length vector so that a dot product is the cosine similarity. */
public interface SentenceEncoder {
    float[] encode(String sentence);

    /** Names the model and its version, for caches of its vectors; two encoders with one id must agree. */
    default String id() {
        return getClass().getName();
    }
}
