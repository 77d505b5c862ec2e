package io.earpiece.assist.intent;

/** Turns a sentence into a unit-length vector so that a dot product is the cosine similarity. */
public interface SentenceEncoder {
    float[] encode(String sentence);
}
