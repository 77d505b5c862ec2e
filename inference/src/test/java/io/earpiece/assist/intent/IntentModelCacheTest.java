package io.earpiece.assist.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earpiece.assist.playbook.IntentDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentModelCacheTest {
    private static final String PRICE = "objection:price";

    @TempDir
    Path dir;

    private final CountingSentenceEncoder encoder = new CountingSentenceEncoder();
    private final List<TrainingExample> examples = examples();

    @Test
    void aRestartWithTheSameInputsReadsTheModelsInsteadOfTraining() {
        IntentModels first = trainer().train(intents("too expensive"));
        assertThat(encoder.calls.get()).as("the first start embeds the set and fits").isPositive();
        assertThat(first.tags()).containsExactly(PRICE);

        encoder.calls.set(0);
        IntentModels second = trainer().train(intents("too expensive"));
        assertThat(encoder.calls.get()).as("nothing embedded: the models came from the cache").isZero();
        assertSameModels(second, first);
    }

    @Test
    void aChangedPlaybookTrainsAgain() throws Exception {
        trainer().train(intents("too expensive"));
        encoder.calls.set(0);
        trainer().train(intents("costs too much"));
        assertThat(encoder.calls.get()).as("another exemplar: another model").isPositive();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("intent-models-"))).hasSize(2);
        }
    }

    @Test
    void aCorruptFileIsIgnoredRetrainedAndReplaced() throws Exception {
        IntentModels trained = trainer().train(intents("too expensive"));
        Path file = onlyFile();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);

        encoder.calls.set(0);
        IntentModels again = trainer().train(intents("too expensive"));
        assertThat(encoder.calls.get()).as("the damaged file was not trusted: trained again").isPositive();
        assertSameModels(again, trained);

        encoder.calls.set(0);
        trainer().train(intents("too expensive"));
        assertThat(encoder.calls.get()).as("the retrained models replaced the damaged file").isZero();

        Files.write(onlyFile(), new byte[] {1, 2, 3});
        assertThat(trainer().train(intents("too expensive")).tags()).as("a truncated file: trained again")
                .containsExactly(PRICE);
    }

    @Test
    void decodeSaysWhyItRefuses() {
        byte[] good = IntentModelCache.encode(trainer().train(intents("too expensive")));
        assertThatThrownBy(() -> IntentModelCache.decode(new byte[10]))
                .isInstanceOf(CacheFileFormatException.class).hasMessageContaining("shorter");
        assertThatThrownBy(() -> IntentModelCache.decode(new byte[good.length]))
                .isInstanceOf(CacheFileFormatException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> IntentModelCache.decode(Arrays.copyOf(good, good.length - 4)))
                .isInstanceOf(CacheFileFormatException.class).hasMessageContaining("checksum");
    }

    @Test
    void theKeyDependsOnEveryInput() {
        List<IntentDefinition> intents = intents("too expensive");
        String settings = trainer().settings();
        String key = IntentModelCache.key("m", settings, examples, intents);
        assertThat(IntentModelCache.key("m", settings, examples, intents)).isEqualTo(key);
        assertThat(IntentModelCache.key("m2", settings, examples, intents)).as("encoder").isNotEqualTo(key);
        assertThat(IntentModelCache.key("m", settings + "x", examples, intents)).as("settings").isNotEqualTo(key);
        List<TrainingExample> edited = new ArrayList<>(examples);
        edited.set(0, new TrainingExample("customer", Set.of(), edited.get(0).text()));
        assertThat(IntentModelCache.key("m", settings, edited, intents)).as("a label").isNotEqualTo(key);
        IntentDefinition d = intents.get(0);
        IntentDefinition speakers = new IntentDefinition(d.tag(), List.of("customer", "rep"), d.question(),
                d.threshold(), d.keywordThreshold(), d.requireKeyword(), d.keywords(), d.exemplars());
        assertThat(IntentModelCache.key("m", settings, examples, List.of(speakers))).as("speakers").isNotEqualTo(key);
        IntentDefinition keywordAsExemplar = new IntentDefinition(d.tag(), d.speakers(), d.question(),
                d.threshold(), d.keywordThreshold(), d.requireKeyword(), List.of("too expensive"), List.of());
        assertThat(IntentModelCache.key("m", settings, examples, List.of(keywordAsExemplar)))
                .as("an entry moved from one list to another").isNotEqualTo(key);
    }

    private IntentTrainer trainer() {
        return new IntentTrainer(new UtteranceFeaturizer(encoder, new NgramHasher(1 << 10, 1)), examples,
                IntentTrainer.regression(), new TrainingEmbeddingCache(null), new IntentModelCache(dir));
    }

    private Path onlyFile() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static void assertSameModels(IntentModels actual, IntentModels expected) {
        assertThat(actual.tags()).isEqualTo(expected.tags());
        for (String tag : expected.tags()) {
            LogisticRegression.Model a = actual.model(tag).orElseThrow();
            LogisticRegression.Model e = expected.model(tag).orElseThrow();
            assertThat(a.weights()).containsExactly(e.weights());
            assertThat(a.sparseWeights()).containsExactly(e.sparseWeights());
            assertThat(a.bias()).isEqualTo(e.bias());
        }
    }

    private static List<IntentDefinition> intents(String exemplar) {
        return List.of(new IntentDefinition(PRICE, List.of("customer"), "any", 0.5, 0.3, false, List.of(),
                List.of(exemplar)));
    }

    // Enough positives for a model (IntentTrainer.MIN_POSITIVES) and as many negatives, written for this test.
    private static List<TrainingExample> examples() {
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            out.add(new TrainingExample("customer", Set.of(PRICE), "the price is high number " + i));
            out.add(new TrainingExample("customer", Set.of(), "we like the roadmap item " + i));
        }
        return out;
    }
}
