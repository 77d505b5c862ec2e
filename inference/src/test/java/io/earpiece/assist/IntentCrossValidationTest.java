package io.earpiece.assist;

import static org.assertj.core.api.Assertions.assertThat;

import io.earpiece.assist.compliance.DisclosureDetector;
import io.earpiece.assist.eval.FamilyScore;
import io.earpiece.assist.intent.BgeSmallSentenceEncoder;
import io.earpiece.assist.intent.EncodedExample;
import io.earpiece.assist.intent.FeatureVector;
import io.earpiece.assist.intent.NgramHasher;
import io.earpiece.assist.intent.UtteranceFeaturizer;
import io.earpiece.assist.intent.IntentClassifier;
import io.earpiece.assist.intent.IntentModels;
import io.earpiece.assist.intent.IntentTrainer;
import io.earpiece.assist.intent.LogisticRegression;
import io.earpiece.assist.intent.MiniLmSentenceEncoder;
import io.earpiece.assist.intent.SentenceEncoder;
import io.earpiece.assist.intent.TrainingExample;
import io.earpiece.assist.intent.TrainingSetLoader;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.assist.playbook.IntentDefinition;
import io.earpiece.assist.playbook.Playbook;
import io.earpiece.assist.playbook.PlaybookLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Honest figures for the intent classifier: k-fold cross-validation over the bundled training set (paraphrases of
 * one line are held out together, {@link ParaphraseFolds}; {@code -Dassist.cv.folds=line} deals line by line), each fold's
 * models trained on the other folds (plus the playbook's exemplars) and scored through the same tagger the
 * engine uses. Prints per-tag precision/recall/F1 next to nearest-exemplar matching on the same utterances.
 * {@code -Dassist.cv.sweep=true} also prints a grid of penalties and thresholds, the way the defaults were chosen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntentCrossValidationTest {
    private static final int FOLDS = 5;

    private CachingEncoder encoder;
    private Playbook playbook;
    private List<TrainingExample> examples;
    private IntentTrainer trainer;
    private NgramHasher ngrams;
    private long splitSeed;

    @BeforeAll
    void encode() {
        encoder = new CachingEncoder("bge".equals(System.getProperty("assist.encoder"))
                ? new BgeSmallSentenceEncoder() : new MiniLmSentenceEncoder());
        playbook = ungated(new PlaybookLoader().loadDefault(), System.getProperty("assist.cv.ungate", ""));
        examples = new TrainingSetLoader().loadDefault();
        long start = System.nanoTime();
        useNgrams(new NgramHasher(IntentTrainer.NGRAM_BUCKETS, IntentTrainer.NGRAM_WEIGHT));
        System.out.printf(Locale.ROOT, "encoded %d training utterances in %d ms%n", examples.size(),
                (System.nanoTime() - start) / 1_000_000);
        for (double similarity : new double[] {0.7, 0.75, 0.8, 0.85, 0.9}) {
            printFamilies(similarity);
        }
    }

    private void printFamilies(double similarity) {
        int[] family = new ParaphraseFolds(FOLDS, similarity).families(trainer.encoded());
        Map<Integer, Long> sizes = java.util.Arrays.stream(family).boxed()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        System.out.printf(Locale.ROOT, "paraphrase families at cosine %.2f: %d for %d lines, largest %d, %d lines not alone%n",
                similarity, sizes.size(), family.length,
                sizes.values().stream().mapToLong(Long::longValue).max().orElse(0),
                sizes.values().stream().filter(n -> n > 1).mapToLong(Long::longValue).sum());
        // -Dassist.cv.show-families=0.8: each family of that cosine with more than one line, to judge the bar by eye.
        if (String.valueOf(similarity).equals(System.getProperty("assist.cv.show-families"))) {
            Map<Integer, List<String>> lines = new TreeMap<>();
            for (int i = 0; i < family.length; i++) {
                lines.computeIfAbsent(family[i], f -> new ArrayList<>()).add(examples.get(i).text());
            }
            lines.values().stream().filter(l -> l.size() > 1).forEach(l -> System.out.println("FAMILY " + l));
        }
    }

    @org.junit.jupiter.api.AfterAll
    void keepEmbeddings() {
        encoder.save();
    }

    // Experiment: the listed tags' require_keyword dropped, to see what the model alone does for them.
    private static Playbook ungated(Playbook playbook, String tags) {
        if (tags.isBlank()) {
            return playbook;
        }
        Set<String> free = Set.of(tags.split(","));
        List<IntentDefinition> intents = playbook.intents().stream().map(d -> !free.contains(d.tag()) ? d
                : new IntentDefinition(d.tag(), d.speakers(), d.question(), d.threshold(), d.keywordThreshold(), false,
                        d.keywords(), d.exemplars())).toList();
        return new Playbook(playbook.name(), intents, playbook.background(), playbook.cards(), playbook.disclosure(),
                playbook.coaching());
    }

    private void useNgrams(NgramHasher hasher) {
        ngrams = hasher;
        trainer = new IntentTrainer(featurizer(), examples, IntentTrainer.regression());
        trainer.encoded();
    }

    private UtteranceFeaturizer featurizer() {
        return new UtteranceFeaturizer(encoder, ngrams);
    }

    @Test
    void everyModelledTagHasEnoughVariedExamples() {
        Map<String, Long> perTag = examples.stream().flatMap(e -> e.tags().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (IntentDefinition intent : playbook.intents()) {
            assertThat(perTag.getOrDefault(intent.tag(), 0L)).as(intent.tag()).isGreaterThanOrEqualTo(40);
        }
        long negatives = examples.stream().filter(e -> e.tags().isEmpty()).count();
        assertThat(negatives).isGreaterThanOrEqualTo(200);
        // A line written twice (six were, across files) counts twice in training and can be held out against itself;
        // lines that differ only in case, punctuation or fillers are one line to the models (SpokenText).
        Map<String, Long> repeats = examples.stream().map(e -> e.role() + ": " + io.earpiece.assist.intent.SpokenText.normalise(e.text()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(repeats.entrySet().stream().filter(r -> r.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("lines written more than once").isEmpty();
    }


    @Test
    void crossValidatedTagsBeatExemplarMatching() {
        Map<String, FamilyScore> trained = crossValidate(IntentTrainer.regression(), IntentClassifier.MIN_PROBABILITY,
                IntentClassifier.KEYWORD_PROBABILITY, false);
        Map<String, FamilyScore> exemplar = crossValidate(null, 0, 0, true);
        System.out.println("== " + FOLDS + "-fold cross-validation, logistic regression (exemplar matching in brackets)");
        System.out.println(table(trained, exemplar));
        // Floors a little under today's figures (MiniLM + n-grams, 1,145 utterances, paraphrase families held out
        // together: micro-F1 0.779, objections P/R 0.77/0.78, questions 0.79/0.78; other splits 0.770-0.785; dealt line
        // by line 0.785), so a change to the set or the model that loses ground fails here; the issue's goal is 0.85.
        assertThat(microF1(trained)).isGreaterThan(microF1(exemplar)).isGreaterThanOrEqualTo(0.76);
        for (String prefix : List.of("objection:", "question:")) {
            assertThat(family(trained, prefix).precision()).as(prefix + " precision").isGreaterThanOrEqualTo(0.74);
            assertThat(family(trained, prefix).recall()).as(prefix + " recall").isGreaterThanOrEqualTo(0.76);
        }
    }

    /**
     * Speech recognisers drop capitals and punctuation and add fillers; each family must keep its F1 within 0.05
     * when the held-out utterances are written that way (the models never saw the written form of these lines).
     */
    @Test
    void familiesKeepTheirScoreOnRecognisedSpeech() {
        Map<String, FamilyScore> written = crossValidate(IntentTrainer.regression(), IntentClassifier.MIN_PROBABILITY,
                IntentClassifier.KEYWORD_PROBABILITY, false);
        Map<String, FamilyScore> heard = crossValidate(IntentTrainer.regression(), IntentClassifier.MIN_PROBABILITY,
                IntentClassifier.KEYWORD_PROBABILITY, false, IntentCrossValidationTest::asRecognised);
        System.out.println("== CV as recognised speech (lower case, no punctuation, fillers)\n" + table(heard, written));
        for (String prefix : List.of("objection:", "question:", "buying_signal", "next_step", "decision")) {
            assertThat(f1(family(heard, prefix))).as(prefix).isGreaterThanOrEqualTo(f1(family(written, prefix)) - 0.05);
        }
    }

    // What Whisper-style output looks like: lower case, no punctuation, a hesitation after the first word.
    private static String asRecognised(String text) {
        String bare = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").replaceAll("\\s+", " ").strip();
        int space = bare.indexOf(' ');
        return space < 0 ? bare : bare.substring(0, space) + " um" + bare.substring(space);
    }

    @Test
    void sweep() {
        if (!Boolean.getBoolean("assist.cv.sweep")) {
            return;
        }
        for (float weight : floats(System.getProperty("assist.cv.ngram", "0,2,4"))) {
          useNgrams(new NgramHasher(IntentTrainer.NGRAM_BUCKETS, weight));
          for (double l2 : doubles(System.getProperty("assist.cv.l2", "0.3"))) {
            for (double min : doubles(System.getProperty("assist.cv.min", "0.6,0.7"))) {
              for (double kw : doubles(System.getProperty("assist.cv.kw", "0.3,1"))) {
                Map<String, FamilyScore> s = crossValidate(new LogisticRegression(l2, 300, true), min,
                        Math.min(min, kw), false);
                System.out.printf(Locale.ROOT, "ngram=%.1f l2=%.2f min=%.2f kw=%.2f micro-F1=%.3f objection P/R=%.2f/%.2f question P/R=%.2f/%.2f%n",
                        weight, l2, min, kw, microF1(s), family(s, "objection:").precision(),
                        family(s, "objection:").recall(), family(s, "question:").precision(),
                        family(s, "question:").recall());
              }
            }
          }
        }
        useNgrams(new NgramHasher(IntentTrainer.NGRAM_BUCKETS, IntentTrainer.NGRAM_WEIGHT));
    }

    /**
     * {@code -Dassist.cv.seeds=1,2,3}: the CV figures on other splits of the same set, to see how far a figure moves
     * with the split alone; a change smaller than that spread is not a finding.
     */
    @Test
    void spreadOverSplits() {
        String seeds = System.getProperty("assist.cv.seeds", "");
        if (seeds.isBlank()) {
            return;
        }
        List<Double> f1s = new ArrayList<>();
        for (double seed : doubles("0," + seeds)) {
            splitSeed = (long) seed;
            Map<String, FamilyScore> s = crossValidate(IntentTrainer.regression(), IntentClassifier.MIN_PROBABILITY,
                    IntentClassifier.KEYWORD_PROBABILITY, false);
            f1s.add(microF1(s));
            System.out.printf(Locale.ROOT, "split %d: micro-F1=%.3f objection P/R=%.2f/%.2f question P/R=%.2f/%.2f%n",
                    splitSeed, microF1(s), family(s, "objection:").precision(), family(s, "objection:").recall(),
                    family(s, "question:").precision(), family(s, "question:").recall());
        }
        splitSeed = 0;
        System.out.printf(Locale.ROOT, "micro-F1 over %d splits: mean %.3f, min %.3f, max %.3f%n", f1s.size(),
                f1s.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                f1s.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                f1s.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static double[] doubles(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static float[] floats(String list) {
        double[] d = doubles(list);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    private Map<String, FamilyScore> crossValidate(LogisticRegression regression, double minProbability, double keywordProbability,
                                                   boolean exemplarsOnly) {
        return crossValidate(regression, minProbability, keywordProbability, exemplarsOnly, Function.identity());
    }

    /** As above, with each held-out utterance rewritten by {@code asHeard} before it is tagged. */
    private Map<String, FamilyScore> crossValidate(LogisticRegression regression, double minProbability, double keywordProbability,
                                                   boolean exemplarsOnly, Function<String, String> asHeard) {
        java.util.function.Consumer<String> mistakes = Boolean.getBoolean("assist.cv.mistakes")
                ? m -> System.out.println("MISTAKE " + m) : m -> { };
        return new TreeMap<>(new TriggerCrossValidation(trainer, FOLDS, mistakes, folding(),
                Double.parseDouble(System.getProperty("assist.cv.family", String.valueOf(ParaphraseFolds.SIMILARITY))),
                splitSeed).run(playbook, exemplarsOnly ? null : regression,
                minProbability, keywordProbability,
                Integer.getInteger("assist.cv.tfolds", IntentTrainer.THRESHOLD_FOLDS),
                !Boolean.getBoolean("assist.cv.multi"), asHeard, judged()));
    }

    // -Dassist.cv.folds=line: the old folds, each role-and-tags group dealt line by line (paraphrases of a held-out line
    // then usually train, so it reads higher); the default keeps paraphrase families together (ParaphraseFolds).
    private static TriggerCrossValidation.Folding folding() {
        return "line".equals(System.getProperty("assist.cv.folds")) ? TriggerCrossValidation.Folding.LINE
                : TriggerCrossValidation.Folding.PARAPHRASE;
    }

    // -Dassist.cv.judge=objections.tsv,negatives.tsv,...: count only these files' held-out lines (every line still
    // trains), to compare a set with added lines against the figures before, on the same held-out lines.
    private java.util.function.Predicate<TrainingExample> judged() {
        String files = System.getProperty("assist.cv.judge", "");
        if (files.isBlank()) {
            return e -> true;
        }
        Set<TrainingExample> judged = new java.util.HashSet<>(new TrainingSetLoader().load(
                java.util.Arrays.stream(files.split(",")).map(f -> "assist/training/" + f.strip()).toList()));
        return judged::contains;
    }

    private static FamilyScore family(Map<String, FamilyScore> scores, String prefix) {
        return TriggerCrossValidation.family(scores, prefix);
    }

    private static double microF1(Map<String, FamilyScore> scores) {
        return TriggerCrossValidation.microF1(scores);
    }

    private static String table(Map<String, FamilyScore> trained, Map<String, FamilyScore> exemplar) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %4s %4s %4s %13s %13s %13s%n",
                "tag", "tp", "fp", "fn", "P", "R", "F1"));
        trained.forEach((tag, s) -> {
            FamilyScore x = exemplar.get(tag);
            out.append(String.format(Locale.ROOT, "%-22s %4d %4d %4d %6.2f (%4.2f) %6.2f (%4.2f) %6.2f (%4.2f)%n",
                    tag, s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), x.precision(),
                    s.recall(), x.recall(), f1(s), f1(x)));
        });
        for (String prefix : List.of("objection:", "question:")) {
            FamilyScore s = family(trained, prefix);
            FamilyScore x = family(exemplar, prefix);
            out.append(String.format(Locale.ROOT, "%-22s %4d %4d %4d %6.2f (%4.2f) %6.2f (%4.2f) %6.2f (%4.2f)%n",
                    prefix + "*", s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(),
                    x.precision(), s.recall(), x.recall(), f1(s), f1(x)));
        }
        return out.append(String.format(Locale.ROOT, "micro-F1 %.3f (%.3f)%n", microF1(trained), microF1(exemplar)))
                .toString();
    }

    private static double f1(FamilyScore s) {
        return TriggerCrossValidation.f1(s);
    }

    /**
     * Embeds each distinct text once: the sweep featurises the same utterances many times. The vectors are kept in
     * target/ between runs (keyed by the encoder), so a rerun after changing the model or thresholds starts at once.
     */
    private static final class CachingEncoder implements SentenceEncoder {
        private final SentenceEncoder inner;
        private final Map<String, float[]> cache;
        private final java.nio.file.Path file;
        private int misses;

        @SuppressWarnings("unchecked")
        CachingEncoder(SentenceEncoder inner) {
            this.inner = inner;
            this.file = java.nio.file.Path.of("target", "cv-embeddings-"
                    + Integer.toHexString(inner.id().hashCode()) + ".ser");
            Map<String, float[]> loaded = new HashMap<>();
            if (java.nio.file.Files.isRegularFile(file)) {
                try (var in = new java.io.ObjectInputStream(java.nio.file.Files.newInputStream(file))) {
                    loaded = (HashMap<String, float[]>) in.readObject();
                } catch (java.io.IOException | ClassNotFoundException | ClassCastException e) {
                    loaded = new HashMap<>();
                }
            }
            this.cache = loaded;
        }

        void save() {
            if (misses == 0) {
                return;
            }
            try (var out = new java.io.ObjectOutputStream(java.nio.file.Files.newOutputStream(file))) {
                out.writeObject(new HashMap<>(cache));
            } catch (java.io.IOException e) {
                System.out.println("cannot keep CV embeddings in " + file + ": " + e);
            }
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public float[] encode(String sentence) {
            float[] v = cache.get(sentence);
            if (v == null) {
                misses++;
                v = inner.encode(sentence);
                cache.put(sentence, v);
            }
            return v;
        }
    }
}
