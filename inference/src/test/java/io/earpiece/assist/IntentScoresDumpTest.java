package io.earpiece.assist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.earpiece.assist.eval.CallScriptParser;
import io.earpiece.assist.intent.IntentClassifier;
import io.earpiece.assist.intent.MiniLmSentenceEncoder;
import io.earpiece.assist.intent.UtteranceShape;
import io.earpiece.assist.playbook.Playbook;
import io.earpiece.assist.playbook.PlaybookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Tuning aid, off unless -Dassist.dump=DIR: prints every intent's similarity for every utterance of DIR's scripts. */
class IntentScoresDumpTest {
    @Test
    void dump() throws Exception {
        String dir = System.getProperty("assist.dump");
        assumeTrue(dir != null && !dir.isBlank(), "tuning dump not requested");
        Playbook playbook = new PlaybookLoader().loadDefault();
        IntentClassifier classifier = new IntentClassifier(new MiniLmSentenceEncoder(), playbook.intents(),
                playbook.background());
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".call")).sorted().toList()) {
                for (ReferenceUtterance u : new CallScriptParser().parse(Files.readString(p)).utterances()) {
                    StringBuilder line = new StringBuilder(u.speaker() + ": " + u.text() + "  " + u.tags() + "\n   ");
                    classifier.score(u.speaker(), new UtteranceShape(u.text())).values().forEach(s -> line.append(
                            String.format(Locale.ROOT, " %s=%.2f%s%s", s.tag(), s.similarity(), s.keyword() ? "k" : "",
                                    s.accepted() ? "*" : "")));
                    classifier.score(u.speaker(), new UtteranceShape(u.text())).values().stream().findFirst()
                            .ifPresent(s -> line.append(String.format(Locale.ROOT, " bg=%.2f", s.background())));
                    System.out.println(line);
                }
            }
        }
    }
}
