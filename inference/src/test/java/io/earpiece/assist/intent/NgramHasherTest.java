package io.earpiece.assist.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NgramHasherTest {
    private final NgramHasher hasher = new NgramHasher(1 << 12, 5f);

    @Test
    void featuresAreSortedDistinctBucketsOfTheGivenLength() {
        FeatureVector f = hasher.features(new float[] {1f}, "we are not ready yet not now");
        double norm = 0;
        for (int i = 0; i < f.indices().length; i++) {
            assertThat(f.indices()[i]).isBetween(0, (1 << 12) - 1);
            if (i > 0) {
                assertThat(f.indices()[i]).isGreaterThan(f.indices()[i - 1]);
            }
            norm += f.values()[i] * f.values()[i];
        }
        assertThat(Math.sqrt(norm)).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(f.dense()).containsExactly(1f);
    }

    @Test
    void sameTextSameFeaturesAndSplitWordsShareTrigrams() {
        FeatureVector a = hasher.features(new float[0], "integration");
        assertThat(hasher.features(new float[0], "integration").indices()).isEqualTo(a.indices());
        FeatureVector split = hasher.features(new float[0], "inte gration");
        long shared = java.util.Arrays.stream(split.indices())
                .filter(i -> java.util.Arrays.binarySearch(a.indices(), i) >= 0).count();
        assertThat(shared).isGreaterThanOrEqualTo(4);
    }

    @Test
    void zeroWeightOrBlankTextHasNoNgrams() {
        assertThat(new NgramHasher(1 << 4, 0f).features(new float[0], "hello there").indices()).isEmpty();
        assertThat(hasher.features(new float[0], " ").indices()).isEmpty();
        assertThatThrownBy(() -> new NgramHasher(1000, 1f)).hasMessageContaining("power of two");
    }
}
