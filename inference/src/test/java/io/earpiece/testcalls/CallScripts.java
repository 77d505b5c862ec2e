package io.earpiece.testcalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's own labelled call scripts, {@code src/test/resources/calls/*.call} of the inference module: the
 * main set every test that needs a call uses. Other modules get them from inference's test-jar, so they are read
 * from the classpath, whether that is a folder or a jar.
 */
public final class CallScripts {
    static final String FOLDER = "calls";

    private CallScripts() {
    }

    /** Every script, sorted by name. */
    public static List<Path> all() {
        return in(folder());
    }

    /**
     * The {@code .call} scripts of another folder of inference's test resources, sorted by name: sets a single test
     * reads besides the main one (e.g. {@code calls-diarize}), kept apart so that the main set's figures stay as they are.
     */
    public static List<Path> extra(String resourceFolder) {
        return in(folder(resourceFolder));
    }

    private static List<Path> in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".call"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Script names (file names without {@code .call}), sorted. */
    public static List<String> names() {
        return all().stream().map(CallScripts::nameOf).toList();
    }

    /** The script {@code NAME.call}; fails with the known names when there is none. */
    public static Path named(String name) {
        Path script = folder().resolve(name + ".call");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no call script " + name + ".call; known: " + names());
        }
        return script;
    }

    static String nameOf(Path script) {
        return script.getFileName().toString().replaceFirst("\\.call$", "");
    }

    /** The scripts' folder on the classpath: a plain folder in this module, a jar entry in the others. */
    public static Path folder() {
        return folder(FOLDER);
    }

    private static Path folder(String name) {
        URL url = CallScripts.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no " + name + "/ on the test classpath (inference's test resources)");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException alreadyOpen) {
                // opened by an earlier call: the provider below finds it
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + url + ": " + e.getMessage(), e);
        }
    }
}
