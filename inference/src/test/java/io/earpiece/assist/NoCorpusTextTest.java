package io.earpiece.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import io.earpiece.testcalls.CallScripts;
import io.earpiece.testcalls.DevCorpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the product ships is written independently of the calls it is scored on: no six-word run of a line of the
 * project's own call scripts, nor of the dev corpus's where {@code ../shared} is present, appears in any module's main
 * code or resources, the web console's sources or the bench scripts; and none of the project's scripts is in the
 * classifier's training set (that would make their score a training score). Without the dev corpus its check skips,
 * except under {@code CI=true}, where it fails: CI must run it.
 */
class NoCorpusTextTest {
    private static final int WINDOW = 6;
    private static final Path ROOT = Path.of("..");
    private static final Path TRAINING = Path.of("src/main/resources/assist/training");
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "dist", "target", ".git");
    private static final Set<String> BINARY_SUFFIXES = Set.of(".png", ".jpg", ".jpeg", ".gif", ".ico", ".onnx",
            ".bin", ".wav", ".mp3", ".jar", ".gz", ".zip", ".woff", ".woff2");

    @Test
    void shippedCodeResourcesAndWebAppDoNotQuoteTheProjectsScripts() throws IOException {
        assertThat(CallScripts.all()).as("the project's scripts").isNotEmpty();
        assertThat(quotedRuns(CallScripts.folder(), shipped())).isEmpty();
    }

    @Test
    void shippedCodeResourcesAndWebAppDoNotQuoteTheDevCorpus() throws IOException {
        if (!DevCorpus.present()) {
            Assumptions.abort("no dev corpus at " + DevCorpus.folder() + ": the project's scripts are guarded alone");
        }
        assertThat(quotedRuns(DevCorpus.folder(), shipped())).isEmpty();
    }

    private static String shipped() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).forEach(roots::add);
        }
        roots.add(ROOT.resolve("console/web/src"));
        roots.add(ROOT.resolve("bench"));
        assertThat(roots).as("the guard covers this module, the console and the web app")
                .contains(ROOT.resolve("inference/src/main"), ROOT.resolve("console/src/main"),
                        ROOT.resolve("console/web/src"));
        StringBuilder text = new StringBuilder();
        for (Path root : roots) {
            text.append(readAll(root));
        }
        String shipped = normalise(text.toString());
        assertThat(shipped).as("the training set is among the files checked").contains("objection price");
        return shipped;
    }

    @Test
    void trainingSetDoesNotQuoteTheProjectsScripts() throws IOException {
        assertThat(quotedRuns(CallScripts.folder(), normalise(readAll(TRAINING)))).isEmpty();
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
                            quoted.add(script.getFileName() + ": " + run);
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
            files.filter(Files::isRegularFile).filter(NoCorpusTextTest::isText).forEach(f -> {
                try {
                    // Lenient decoding: a stray non-UTF-8 byte must not hide the rest of a file.
                    out.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(f + ": " + e.getMessage(), e);
                }
            });
        }
        return out.toString();
    }

    private static boolean isText(Path file) {
        for (Path part : file) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return BINARY_SUFFIXES.stream().noneMatch(name::endsWith);
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ");
    }
}
