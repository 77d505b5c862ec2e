package io.earpiece.assist.intent;

/** Turns an utterance into the features the intent models read: its spoken form embedded and n-gram hashed. */
public final class UtteranceFeaturizer {
    private final SentenceEncoder encoder;
    private final NgramHasher ngrams;

    public UtteranceFeaturizer(SentenceEncoder encoder, NgramHasher ngrams) {
        this.encoder = encoder;
        this.ngrams = ngrams;
    }

    public FeatureVector features(String text) {
        String spoken = SpokenText.normalise(text);
        return ngrams.features(encoder.encode(spoken), spoken);
    }

    /** The features of text already in {@link SpokenText} form whose embedding is known. */
    public FeatureVector features(float[] embedding, String spoken) {
        return ngrams.features(embedding, spoken);
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    public NgramHasher ngrams() {
        return ngrams;
    }
}
