package io.earpiece.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.eval.CallScriptParser;
import io.earpiece.assist.eval.TagScorer;
import io.earpiece.assist.playbook.PlaybookLoader;
import io.earpiece.testcalls.CallScripts;
import io.earpiece.testcalls.DevCorpus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scores the engine on the project's own labelled scripts (held out from its training set) and, where
 * {@code ../shared} is present, on the dev corpus as well (required under {@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistCorpusTest {
    // A Wednesday, so weekday due times resolve forward within the same week.
    private static final LocalDate CALL_DATE = LocalDate.of(2025, 3, 12);

    private AssistEngine engine;

    @BeforeAll
    void loadEngine() {
        engine = new AssistEngine(new PlaybookLoader().loadDefault());
    }

    // The dev corpus was 1.000 while the playbook carried background phrases and patterns fitted to its lines. Without
    // them, with the classifier trained on an independent set (embeddings plus n-grams, one customer intent per
    // utterance), it scores 0.94; the floor is main's 0.9, now held without any dev-specific rule.
    private static final double DEV_FLOOR = 0.9;
    // The project's own held-out scripts (19 calls): 0.841 since the classifier round that lifted CV to 0.79 met the
    // 2½-minute review call (each alone: 0.88 on the 18 older scripts, 0.857 with the old classifier on all 19); 0.836
    // since a named competitor must clear its model's bar to stand beside a contract objection (CV gained). The
    // floor guards against regressions; it is below the 0.85 goal on purpose, and the README says so.
    private static final double OWN_FLOOR = 0.83;

    @Test
    void devCorpusMicroF1() throws Exception {
        assumeTrue(DevCorpus.present(), "no dev corpus at " + DevCorpus.folder() + ": own scripts only");
        TagScorer scorer = score(DevCorpus.folder());
        report("dev corpus", scorer);
        assertThat(scorer.microF1()).isGreaterThanOrEqualTo(DEV_FLOOR);
    }

    @Test
    void ownScriptsGeneralise() throws Exception {
        Path dir = CallScripts.folder();
        TagScorer scorer = score(dir);
        report("own scripts", scorer);
        assertThat(scripts(dir)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(scorer.microF1()).isGreaterThanOrEqualTo(OWN_FLOOR);
    }

    @Test
    void extraScriptsWhenRequested() throws Exception {
        String dir = System.getProperty("assist.scripts");
        assumeTrue(dir != null && !dir.isBlank(), "no extra scripts requested");
        report("extra scripts " + dir, score(Path.of(dir)));
    }

    private TagScorer score(Path dir) throws Exception {
        TagScorer scorer = new TagScorer(new DueDateResolver());
        CallScriptParser parser = new CallScriptParser();
        for (Path script : scripts(dir)) {
            ReferenceTranscript reference = parser.parse(Files.readString(script));
            AnalysisResult result = engine.analyze(reference, CALL_DATE);
            scorer.add(script.getFileName().toString(), reference, result.events(), CALL_DATE);
        }
        return scorer;
    }

    private static List<Path> scripts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".call")).sorted().toList();
        }
    }

    private static void report(String name, TagScorer scorer) {
        System.out.println("== " + name + "\n" + scorer.tagTable());
        scorer.misses().forEach(m -> System.out.println("   " + m));
    }
}
