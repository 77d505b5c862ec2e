package io.earpiece.assist.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingEmbeddingCacheTest {
    @TempDir
    Path dir;

    @Test
    void aSecondTrainerReadsTheEmbeddingsInsteadOfEncoding() {
        CountingSentenceEncoder encoder = new CountingSentenceEncoder();
        List<TrainingExample> examples = List.of(new TrainingExample("customer", Set.of(), "It is too expensive."),
                new TrainingExample("rep", Set.of(), "Let's book a demo"));
        List<EncodedExample> first = trainer(encoder, examples).encoded();
        assertThat(encoder.calls.get()).isEqualTo(2);
        List<EncodedExample> second = trainer(encoder, examples).encoded();
        assertThat(encoder.calls.get()).as("no encoding on the second start").isEqualTo(2);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).features().dense()).containsExactly(first.get(i).features().dense());
            assertThat(second.get(i).features().indices()).containsExactly(first.get(i).features().indices());
        }
        List<TrainingExample> changed = new ArrayList<>(examples);
        changed.set(1, new TrainingExample("rep", Set.of(), "Let's book a call"));
        trainer(encoder, changed).encoded();
        assertThat(encoder.calls.get()).as("a changed set misses the cache").isEqualTo(4);
    }

    @Test
    void aDamagedFileIsIgnoredAndReplaced() throws Exception {
        TrainingEmbeddingCache cache = new TrainingEmbeddingCache(dir);
        String key = TrainingEmbeddingCache.key("m", List.of("a", "b"));
        cache.store(key, new float[][] {{1, 2}, {3, 4}});
        assertThat(cache.load(key, 2)).hasValueSatisfying(v -> assertThat(v[1]).containsExactly(3, 4));
        assertThat(cache.load(key, 3)).as("wrong count").isEmpty();
        byte[] bytes = Files.readAllBytes(cache.file(key));
        Files.write(cache.file(key), java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThat(cache.load(key, 2)).as("truncated").isEmpty();
        cache.store(key, new float[][] {{5, 6}, {7, 8}});
        assertThat(cache.load(key, 2)).hasValueSatisfying(v -> assertThat(v[0]).containsExactly(5, 6));
    }

    @Test
    void decodeSaysWhyItRefuses() {
        assertThatThrownBy(() -> TrainingEmbeddingCache.decode(new byte[5], 1))
                .isInstanceOf(CacheFileFormatException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> TrainingEmbeddingCache.decode(new byte[12], 0))
                .isInstanceOf(CacheFileFormatException.class).hasMessageContaining("magic");
    }

    @Test
    void keysDependOnModelAndText() {
        assertThat(TrainingEmbeddingCache.key("m1", List.of("a"))).isNotEqualTo(TrainingEmbeddingCache.key("m2", List.of("a")));
        assertThat(TrainingEmbeddingCache.key("m", List.of("ab", "c"))).isNotEqualTo(TrainingEmbeddingCache.key("m", List.of("a", "bc")));
    }

    private IntentTrainer trainer(SentenceEncoder encoder, List<TrainingExample> examples) {
        return new IntentTrainer(new UtteranceFeaturizer(encoder, new NgramHasher(1 << 10, 1)), examples,
                IntentTrainer.regression(), new TrainingEmbeddingCache(dir));
    }
}
