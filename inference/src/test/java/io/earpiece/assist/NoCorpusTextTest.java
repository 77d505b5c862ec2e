package io.earpiece.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Exemplars, patterns and the classifier's training set are written independently: no six-word run of a dev
 * corpus line is in main code or resources, and none of this module's own held-out scripts is in the training set
 * (it would make their score a training score).
 */
class NoCorpusTextTest {
    private static final int WINDOW = 6;
    private static final Path TRAINING = Path.of("src/main/resources/assist/training");

    @Test
    void mainSourcesAndPlaybookDoNotQuoteTheCorpus() throws IOException {
        String shared = System.getProperty("earpiece.shared");
        Path dev = shared == null ? null : Path.of(shared, "corpus", "dev");
        assumeTrue(dev != null && Files.isDirectory(dev), "no shared corpus");
        String training = readAll(TRAINING);
        assertThat(training).as("the training set is among the resources checked").contains("objection:price");
        String main = normalise(readAll(Path.of("src/main/java/io/earpiece/assist"))
                + readAll(Path.of("src/main/resources/assist")));
        assertThat(quotedRuns(dev, main)).isEmpty();
    }

    @Test
    void trainingSetDoesNotQuoteTheHeldOutScripts() throws IOException {
        assertThat(quotedRuns(Path.of("src/test/resources/assist/scripts"), normalise(readAll(TRAINING)))).isEmpty();
    }

    private static List<String> quotedRuns(Path scriptsDir, String main) throws IOException {
        List<String> quoted = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(scriptsDir)) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".call")).toList()) {
                for (String line : Files.readAllLines(script)) {
                    if (line.startsWith("#") || !line.contains(":")) {
                        continue;
                    }
                    String[] words = normalise(line.substring(line.indexOf(':') + 1).replaceAll("\\[[^]]*]", ""))
                            .trim().split(" ");
                    for (int i = 0; i + WINDOW <= words.length; i++) {
                        String run = String.join(" ", List.of(words).subList(i, i + WINDOW));
                        if (main.contains(run)) {
                            quoted.add(run);
                        }
                    }
                }
            }
        }
        return quoted;
    }

    private static String readAll(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    out.append(Files.readString(f)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out.toString();
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ");
    }
}
