package io.earpiece.assist.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The embedding model must load from the jar alone: the build and customer machines may be offline. */
class MiniLmOfflineTest {
    @Test
    void modelShipsInTheJarAndSeparatesMeaning() {
        assertThat(getClass().getClassLoader().getResource("all-minilm-l6-v2-q.onnx")).isNotNull();
        MiniLmSentenceEncoder encoder = new MiniLmSentenceEncoder();
        float[] a = encoder.encode("The subscription costs too much for us.");
        float[] b = encoder.encode("Your product is far too expensive.");
        float[] c = encoder.encode("The weather in Lisbon was sunny.");
        assertThat(a).hasSize(384);
        assertThat(Vectors.dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Vectors.dot(a, b)).isGreaterThan(Vectors.dot(a, c) + 0.2);
    }
}
