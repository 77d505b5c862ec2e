package io.earpiece.testcalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dev corpus in {@code ../shared/corpus/dev} beside the checkout (the build passes the folder as
 * {@code earpiece.shared}): an additional set the thresholds must also meet where it exists. The project's own
 * {@link CallScripts} are the main set; without the dev corpus the additional checks are left out, except under
 * {@code CI=true}, where its absence fails, so that CI never passes by skipping them.
 */
public final class DevCorpus {
    private DevCorpus() {
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("earpiece.shared", "../../shared")).toAbsolutePath().normalize();
    }

    public static Path folder() {
        return sharedDir().resolve("corpus/dev");
    }

    /** Whether the dev corpus is there. Under {@code CI=true} its absence throws instead. */
    public static boolean present() {
        if (Files.isDirectory(folder())) {
            return true;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("no dev corpus at " + folder() + ": under CI=true the checks on it must run");
        }
        return false;
    }

    /** The dev scripts, sorted by name; empty without the corpus (outside CI). */
    public static List<Path> scripts() {
        if (!present()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".call")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dev script names (without {@code .call}), sorted; empty without the corpus (outside CI). */
    public static List<String> names() {
        return scripts().stream().map(CallScripts::nameOf).toList();
    }

    /** The dev script {@code NAME.call}. */
    public static Path named(String name) {
        Path script = folder().resolve(name + ".call");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no dev call script " + script);
        }
        return script;
    }
}
