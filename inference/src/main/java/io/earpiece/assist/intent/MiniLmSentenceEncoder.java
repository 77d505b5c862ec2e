package io.earpiece.assist.intent;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** Sentence encoder backed by the quantised all-MiniLM-L6-v2 ONNX model that ships inside the LangChain4j jar. */
public final class MiniLmSentenceEncoder implements SentenceEncoder {
    private final EmbeddingModel model;

    public MiniLmSentenceEncoder() {
        this(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    public MiniLmSentenceEncoder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        // The model ships inside this artifact, so its class and version name the weights.
        return model.getClass().getName() + "@" + model.getClass().getPackage().getImplementationVersion();
    }

    @Override
    public float[] encode(String sentence) {
        float[] vector = model.embed(sentence).content().vector();
        return Vectors.normalize(vector);
    }
}
