package io.earpiece.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.earpiece.assist.AnalysisResult;
import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceUtterance;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.eval.CallScriptParser;
import io.earpiece.assist.playbook.PlaybookLoader;
import io.earpiece.testcalls.CallScripts;
import io.earpiece.testcalls.DevCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Summarizes every labelled script (assist engine events included, as live) and scores the call type against
 * the {@code # type:} header and the action items' owner and resolved due date against the action labels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryCorpusTest {
    private static final LocalDate CALL_DATE = LocalDate.of(2025, 3, 12);

    private AssistEngine engine;
    private final CallSummarizer summarizer = new CallSummarizer();
    private final DueDateResolver resolver = new DueDateResolver();

    @BeforeAll
    void loadEngine() {
        engine = new AssistEngine(new PlaybookLoader().loadDefault());
    }

    @Test
    void devCorpusTypesAndActionItemsMatchLabels() throws Exception {
        assumeTrue(DevCorpus.present(), "no dev corpus at " + DevCorpus.folder() + ": own scripts only");
        Score score = score(DevCorpus.folder());
        score.print("dev corpus");
        assertThat(score.calls).isGreaterThanOrEqualTo(5);
        assertThat(score.typeAccuracy()).isEqualTo(1.0);
        assertThat(score.actionRecall()).isGreaterThanOrEqualTo(0.9);
        assertThat(score.actionPrecision()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void ownScriptsGeneralise() throws Exception {
        Score score = score(CallScripts.folder());
        score.print("own scripts (held out for the summary)");
        assertThat(score.calls).isGreaterThanOrEqualTo(10);
        assertThat(score.typeAccuracy()).isGreaterThanOrEqualTo(0.8);
        assertThat(score.actionRecall()).isGreaterThanOrEqualTo(0.75);
    }

    private Score score(Path dir) throws Exception {
        Score score = new Score();
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".call")).sorted().toList();
        }
        for (Path script : scripts) {
            ReferenceTranscript ref = new CallScriptParser().parse(Files.readString(script));
            AnalysisResult events = engine.analyze(ref, CALL_DATE);
            CallSummary summary = summarizer.summarize(Utterance.of(ref), events.events(), CALL_DATE);
            score.calls++;
            if (summary.type().label().equals(ref.type())) {
                score.typeHits++;
            } else {
                score.misses.add(script.getFileName() + ": type " + summary.type().label() + " != " + ref.type());
            }
            List<ActionItem> predicted = new ArrayList<>(summary.actionItems());
            score.predicted += predicted.size();
            for (int i = 0; i < ref.utterances().size(); i++) {
                ReferenceUtterance u = ref.utterances().get(i);
                for (String tag : u.tags()) {
                    if (!tag.startsWith("action:")) {
                        continue;
                    }
                    String[] parts = tag.split(":", 4);
                    LocalDate due = resolver.resolve(parts[3], CALL_DATE).orElseThrow();
                    score.labelled++;
                    ActionItem hit = predicted.stream()
                            .filter(a -> a.owner().equals(parts[1]) && Objects.equals(a.dueDate(), due))
                            .findFirst().orElse(null);
                    if (hit != null) {
                        predicted.remove(hit);
                        score.actionHits++;
                    } else {
                        score.misses.add(script.getFileName() + ": missed " + tag + " -> " + due);
                    }
                }
            }
            predicted.forEach(a -> score.misses.add(script.getFileName() + ": extra " + a));
            System.out.println("   " + script.getFileName() + " type=" + summary.type().label() + " priority="
                    + summary.priority().label() + " sentiment=" + summary.sentiment().label() + " abstract="
                    + summary.abstractText());
        }
        return score;
    }

    private static final class Score {
        int calls;
        int typeHits;
        int labelled;
        int predicted;
        int actionHits;
        final List<String> misses = new ArrayList<>();

        double typeAccuracy() {
            return calls == 0 ? 0 : (double) typeHits / calls;
        }

        double actionRecall() {
            return labelled == 0 ? 1 : (double) actionHits / labelled;
        }

        double actionPrecision() {
            return predicted == 0 ? 1 : (double) actionHits / predicted;
        }

        void print(String name) {
            System.out.printf(Locale.ROOT, "== summary %s: calls=%d type_accuracy=%.2f (%d/%d) action_owner_due"
                            + " recall=%.2f (%d/%d) precision=%.2f (%d/%d)%n", name, calls, typeAccuracy(), typeHits,
                    calls, actionRecall(), actionHits, labelled, actionPrecision(), actionHits, predicted);
            misses.forEach(m -> System.out.println("   miss " + m));
        }
    }
}
