package io.earpiece.assist.intent;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * Sentence encoder backed by the quantised bge-small-en-v1.5 ONNX model (384 dimensions like MiniLM, twice the
 * layers), kept in the tests to measure against MiniLM: better at telling intents apart, too slow for the live
 * budget on two cores.
 */
public final class BgeSmallSentenceEncoder implements SentenceEncoder {
    private final EmbeddingModel model;

    public BgeSmallSentenceEncoder() {
        this(new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    public BgeSmallSentenceEncoder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public float[] encode(String sentence) {
        return Vectors.normalize(model.embed(sentence).content().vector());
    }
}
